#pragma once

// RouteTest documents: requests and where the environment's Traefik must
// send them. Read by check/route_tests.cpp; no target ever sees them.

#include "diag/location.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace edgegen::model {

struct RouteTestCase
{
  std::string test; // metadata.name of the RouteTest
  std::string name; // the case's own; empty: "case <index + 1>"
  size_t index = 0; // in the RouteTest's `cases`
  diag::Position location;

  // The request, variables substituted.
  std::string url;
  diag::Position url_location;
  std::string method = "GET";
  std::vector<std::string> headers; // "Name: value", in the order written
  std::string client_ip;
  diag::Position client_ip_location;
  std::string entry_point; // empty: the one on the URL's port
  diag::Position entry_point_location;

  // What must happen; each one given must hold.
  struct Expected
  {
    std::string value;
    diag::Position location;
  };
  std::optional<Expected> route;
  std::optional<Expected> service;
  std::optional<std::vector<Expected>> middlewares;
  diag::Position middlewares_location;
  std::optional<int64_t> status;
  diag::Position status_location;
  std::optional<Expected> redirect;
};

} // namespace edgegen::model
