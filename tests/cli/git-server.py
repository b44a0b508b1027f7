#!/usr/bin/env python3
"""Serves the bare repositories under BASE to the tests, on 127.0.0.1.

Usage: git-server.py daemon|http BASE [USER:PASSWORD]
       git-server.py ssh CONFIG

Binds a free port, prints it on standard output (one line, flushed) once
the socket listens, so a test that reads that line knows the server is
ready without waiting on a clock, then serves until killed:

  daemon  git's own daemon: each connection is handed to
          `git daemon --inetd` with receive-pack enabled (pushes allowed),
          serving BASE (git://127.0.0.1:PORT/NAME.git)
  http    git's smart HTTP: each request runs `git http-backend` as a CGI
          script with GIT_PROJECT_ROOT=BASE and GIT_HTTP_EXPORT_ALL
          (http://127.0.0.1:PORT/NAME.git), pushes allowed (a user is set);
          with USER:PASSWORD, only for requests that give them (HTTP
          basic authentication), 401 for the others
  ssh     OpenSSH's own server: each connection is handed to `sshd -i -f
          CONFIG` (the test's host key and authorized keys), which runs
          git-upload-pack and git-receive-pack as any ssh server does
          (ssh://USER@127.0.0.1:PORT/PATH)
"""

import base64
import os
import socket
import socketserver
import subprocess
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Daemon(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


def daemon_handler(base):
    class Handler(socketserver.BaseRequestHandler):
        def handle(self):
            fd = self.request.fileno()
            subprocess.run(
                ["git", "daemon", "--inetd", "--export-all",
                 "--enable=receive-pack", "--base-path=" + base, base],
                stdin=fd, stdout=fd, stderr=subprocess.DEVNULL)
    return Handler


def ssh_handler(config):
    class Handler(socketserver.BaseRequestHandler):
        def handle(self):
            fd = self.request.fileno()
            subprocess.run(["/usr/sbin/sshd", "-i", "-f", config],
                           stdin=fd, stdout=fd, stderr=subprocess.DEVNULL)
    return Handler


def http_handler(base, login):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def body(self):
            # libgit2 sends a push's pack in chunks, with no length
            if "chunked" in self.headers.get("Transfer-Encoding", ""):
                data = b""
                while True:
                    size = int(self.rfile.readline().split(b";")[0], 16)
                    if size == 0:
                        self.rfile.readline()
                        return data
                    data += self.rfile.read(size)
                    self.rfile.readline()
            length = int(self.headers.get("Content-Length") or 0)
            return self.rfile.read(length) if length else b""

        def refused(self):
            if login is None:
                return False
            want = "Basic " + base64.b64encode(login.encode()).decode()
            if self.headers.get("Authorization") == want:
                return False
            self.body()
            self.send_response(401)
            self.send_header("WWW-Authenticate", 'Basic realm="tests"')
            self.send_header("Content-Length", "0")
            self.end_headers()
            return True

        def cgi(self):
            if self.refused():
                return
            path, _, query = self.path.partition("?")
            body = self.body()
            env = dict(os.environ)
            env.update({
                "GIT_PROJECT_ROOT": base,
                "GIT_HTTP_EXPORT_ALL": "1",
                "REMOTE_USER": "tests",
                "REMOTE_ADDR": "127.0.0.1",
                "REQUEST_METHOD": self.command,
                "PATH_INFO": path,
                "QUERY_STRING": query,
                "CONTENT_TYPE": self.headers.get("Content-Type", ""),
                "CONTENT_LENGTH": str(len(body)),
                "GATEWAY_INTERFACE": "CGI/1.1",
                "SERVER_PROTOCOL": "HTTP/1.1",
            })
            if self.headers.get("Content-Encoding"):
                env["HTTP_CONTENT_ENCODING"] = \
                    self.headers["Content-Encoding"]
            out = subprocess.run(["git", "http-backend"], input=body,
                                 env=env, stdout=subprocess.PIPE,
                                 stderr=subprocess.DEVNULL).stdout
            head, _, rest = out.partition(b"\r\n\r\n")
            status = 200
            headers = []
            for line in head.split(b"\r\n"):
                if not line:
                    continue
                k, _, v = line.decode("latin-1").partition(":")
                if k.lower() == "status":
                    status = int(v.strip().split()[0])
                else:
                    headers.append((k, v.strip()))
            self.send_response(status)
            for k, v in headers:
                self.send_header(k, v)
            self.send_header("Content-Length", str(len(rest)))
            self.end_headers()
            self.wfile.write(rest)

        do_GET = cgi
        do_POST = cgi
    return Handler


def main(argv):
    if len(argv) not in (3, 4) or argv[1] not in ("daemon", "http", "ssh"):
        sys.stderr.write(__doc__)
        return 2
    base = os.path.abspath(argv[2])
    if argv[1] == "ssh":
        server = Daemon(("127.0.0.1", 0), ssh_handler(base))
    elif argv[1] == "daemon":
        server = Daemon(("127.0.0.1", 0), daemon_handler(base))
    else:
        server = ThreadingHTTPServer(("127.0.0.1", 0), http_handler(
            base, argv[3] if len(argv) == 4 else None))
    print(server.server_address[1], flush=True)
    server.serve_forever()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
