#!/usr/bin/env python3
"""Records the keyspace notifications of database 0 as Traefik's redis
provider receives them (a pattern subscription to __keyspace*), one line per
event: "event<TAB>KEY<TAB>EVENT". Also subscribes to the channel edgegen-test-marker
and prints "marker PAYLOAD" for each message there, so that a test can
publish a marker after an apply and read exactly the events before it: Redis
delivers the messages of one connection in the order they were published.
Prints "ready" once both subscriptions hold; stops at the marker "end".

usage: redis_events.py PORT"""
import socket, sys

PATTERN, MARKER = "__keyspace@0__:*", "edgegen-test-marker"


def send(sock, *args):
    out = b"*%d\r\n" % len(args)
    for arg in args:
        data = arg.encode()
        out += b"$%d\r\n%s\r\n" % (len(data), data)
    sock.sendall(out)


def read(stream):
    line = stream.readline()
    if not line:
        sys.exit("connection closed")
    kind, rest = line[:1], line[1:-2]
    if kind == b"*":
        return [read(stream) for _ in range(int(rest))]
    if kind == b"$":
        data = stream.read(int(rest) + 2)[:-2]
        return data.decode(errors="replace")
    if kind == b"-":
        sys.exit("error: " + rest.decode())
    return rest.decode()


def main():
    sock = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=100)
    stream = sock.makefile("rb")
    send(sock, "PSUBSCRIBE", PATTERN)
    send(sock, "SUBSCRIBE", MARKER)
    read(stream), read(stream)
    print("ready", flush=True)
    prefix = PATTERN[:-1]
    while True:
        message = read(stream)
        if message[0] == "pmessage":
            print("event\t%s\t%s" % (message[2][len(prefix):], message[3]), flush=True)
        elif message[0] == "message":
            print("marker", message[2], flush=True)
            if message[2] == "end":
                return 0


if __name__ == "__main__":
    sys.exit(main())
