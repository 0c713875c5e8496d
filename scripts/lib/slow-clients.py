#!/usr/bin/env python3
"""Slow HTTP clients against loupe serve on loopback (a slowloris): N connections, each sending one header line
every INTERVAL seconds and never finishing its headers, for at most DURATION seconds; meanwhile GET /healthz is
timed on a fresh connection. Prints one line: `healthz <seconds> <status> held <n> closed <n>`, where closed
counts the slow connections the server closed (its header timeout). Bounded in count and time; loopback only."""
import socket, sys, time

host, port, count, interval, duration = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5])
assert host in ("127.0.0.1", "::1", "localhost"), "loopback only"
conns = []
for _ in range(count):
    try:
        s = socket.create_connection((host, port), timeout=2)
        s.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")
        s.setblocking(False)
        conns.append(s)
    except OSError:
        break
held = len(conns)

def healthz():
    start = time.monotonic()
    try:
        c = socket.create_connection((host, port), timeout=5)
        c.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        data = c.recv(64)
        c.close()
        status = data.split(b" ")[1].decode() if data.startswith(b"HTTP/") else "none"
    except OSError:
        status = "error"
    return time.monotonic() - start, status

time.sleep(0.3)
refused = 0
for s in conns:
    try:
        if s.recv(64).startswith(b"HTTP/1.1 503"):
            refused += 1
    except BlockingIOError:
        pass
    except OSError:
        pass
elapsed, status = healthz()
closed = 0
deadline = time.monotonic() + duration
while conns and time.monotonic() < deadline:
    time.sleep(interval)
    alive = []
    for s in conns:
        try:
            s.send(b"X-Slow: 1\r\n")
            alive.append(s)
        except OSError:
            closed += 1
            s.close()
    conns = alive
for s in conns:
    s.close()
print(f"healthz {elapsed:.3f} {status} held {held} refused {refused} closed {closed}")
