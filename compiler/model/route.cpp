// A route's common part, shared by the environments that convert it alike.
#include "model/model.hpp"

#include "util/empty.hpp"

#include <algorithm>

namespace edgegen::model {

namespace {

bool same_place(const Location& a, const Location& b)
{
  return a.file == b.file && a.line == b.line && a.column == b.column;
}

bool same_ref(const Ref& a, const Ref& b)
{
  return a.name == b.name && same_place(a.location, b.location) && a.resolved == b.resolved;
}

bool same_refs(const util::CompactVector<Ref>& a, const util::CompactVector<Ref>& b)
{
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), same_ref);
}

bool same_written(const std::shared_ptr<const WrittenText>& a, const std::shared_ptr<const WrittenText>& b)
{
  if (!a || !b) {
    return !a && !b;
  }
  return a->text == b->text && a->style == b->style && a->one_line == b->one_line && a->lines == b->lines;
}

} // namespace

bool operator==(const RouteCommon& a, const RouteCommon& b)
{
  return a.name == b.name && a.output_name == b.output_name && same_place(a.host_location, b.host_location) &&
         a.path == b.path && a.exact_path == b.exact_path && same_place(a.path_location, b.path_location) &&
         same_place(a.rule_location, b.rule_location) && same_written(a.rule_written, b.rule_written) &&
         same_ref(a.service, b.service) && same_refs(a.middlewares, b.middlewares) && a.priority == b.priority &&
         same_refs(a.entry_points, b.entry_points) && a.tls == b.tls && a.raw == b.raw &&
         same_ref(a.issuer, b.issuer) && same_place(a.location, b.location) && a.resolved == b.resolved;
}

const RouteCommon& Route::common() const
{
  return m_common ? *m_common : util::empty<RouteCommon>();
}

const std::string& Route::host() const
{
  if (raw()) {
    return util::empty<std::string>();
  }
  if (m_text) {
    return *m_text;
  }
  return match.scope.hosts.empty() ? util::empty<std::string>() : match.scope.hosts.front();
}

void Route::set_host(std::string host)
{
  m_text = host.empty() ? nullptr : util::Rc<const std::string>::make(std::move(host));
}

void Route::set_match(RouteMatch built, std::string rule)
{
  match = std::move(built);
  if (raw()) {
    m_text = rule.empty() ? nullptr : util::Rc<const std::string>::make(std::move(rule));
  } else if (m_text && match.scope.hosts.size() == 1 && match.scope.hosts.front() == *m_text) {
    m_text = nullptr;
  }
}

const std::string& Route::rule() const
{
  return raw() && m_text ? *m_text : util::empty<std::string>();
}

RouteCommon& Route::edit()
{
  if (!m_common) {
    m_common = util::Rc<RouteCommon>::make();
  } else if (m_common.shared()) {
    m_common = util::Rc<RouteCommon>::make(*m_common);
  }
  return *m_common;
}

} // namespace edgegen::model
