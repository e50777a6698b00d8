"""Debian's nginx serving a built site under a subpath, as the current user,
with its own prefix, config and logs in a temporary folder, on 127.0.0.1 and a
free port. The headers are those a careful static host would send: a strict
Content-Security-Policy (no inline scripts or styles, nothing from other
hosts), UTF-8 for text types, gzip for text."""
import os, pwd, re, shutil, signal, socket, subprocess, time, urllib.request

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
       "font-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")

TEXT_TYPES = ("text/css application/javascript application/json text/csv text/plain application/xml "
              "application/atom+xml image/svg+xml")

CONFIG = """worker_processes 1;
daemon off;
{user}pid {tmp}/nginx.pid;
error_log {tmp}/error.log;
events {{ worker_connections 128; }}
http {{
  include {tmp}/mime.types;
  log_format sizes '$request_uri $status $bytes_sent';
  access_log {tmp}/access.log sizes;
  client_body_temp_path {tmp}/body;
  proxy_temp_path {tmp}/proxy;
  fastcgi_temp_path {tmp}/fastcgi;
  uwsgi_temp_path {tmp}/uwsgi;
  scgi_temp_path {tmp}/scgi;
  charset utf-8;
  charset_types {text_types};
  gzip on;
  gzip_min_length 256;
  gzip_types {text_types};
  server {{
    listen 127.0.0.1:{port};
    server_name localhost;
    location = / {{ return 404; }}
    # Browsers ask the host root for an icon; the host's root is not the site's.
    location = /favicon.ico {{ access_log off; return 204; }}
    location {path} {{
      alias {site}/;
      index index.html;
{gzip_static}
      error_page 404 {path}404.html;
      add_header Content-Security-Policy "{csp}" always;
      add_header X-Content-Type-Options nosniff always;
      location ~ /feed\\.xml$ {{
        types {{ }}
        default_type application/atom+xml;
        add_header Content-Security-Policy "{csp}" always;
        add_header X-Content-Type-Options nosniff always;
      }}
    }}
{extra}  }}
}}
"""


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def mime_types(tmp):
    """Debian's mime.types, with `xml` as application/xml (Debian says text/xml) and CSV added."""
    text = open("/etc/nginx/mime.types", encoding="utf-8").read()
    text = re.sub(r"\n\s*text/xml\s+xml;", "\n", text)
    text = text.replace("types {", "types {\n    application/xml xml;\n    text/csv csv;", 1)
    with open(os.path.join(tmp, "mime.types"), "w", encoding="utf-8") as f:
        f.write(text)


class Nginx:
    """Starts nginx; `stop()` ends exactly the process it started."""

    def __init__(self, site, tmp, path="/plany/", port=None, extra_locations="", gzip_static=False):
        self.site, self.tmp, self.path = site, tmp, path
        self.port = port or free_port()
        self.origin = f"http://127.0.0.1:{self.port}"
        self.base = self.origin + path
        self.extra_locations = extra_locations
        # Send a file's `.gz` twin (`planpress build --precompress`) as it is.
        self.gzip_static = "      gzip_static on;\n" if gzip_static else ""
        self.process = None

    def config(self):
        user = f"user {pwd.getpwuid(os.geteuid()).pw_name};\n" if os.geteuid() == 0 else ""
        return CONFIG.format(user=user, tmp=self.tmp, port=self.port, path=self.path, site=self.site,
                             csp=CSP, text_types=TEXT_TYPES, extra=self.extra_locations,
                             gzip_static=self.gzip_static)

    def start(self):
        binary = shutil.which("nginx") or "/usr/sbin/nginx"
        mime_types(self.tmp)
        conf = os.path.join(self.tmp, "nginx.conf")
        with open(conf, "w", encoding="utf-8") as f:
            f.write(self.config())
        self.log = open(os.path.join(self.tmp, "nginx.out"), "w")
        self.process = subprocess.Popen([binary, "-p", self.tmp, "-c", conf, "-e", os.path.join(self.tmp, "error.log")],
                                        stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.time() + 15
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("nginx exited: " + open(os.path.join(self.tmp, "nginx.out")).read()
                                   + open(os.path.join(self.tmp, "error.log")).read())
            try:
                urllib.request.urlopen(self.base, timeout=1).read()
                return self
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"nginx did not answer on {self.base}")

    def log_mark(self):
        """A position in the access log; `requests_since` reads what came after it."""
        path = os.path.join(self.tmp, "access.log")
        return os.path.getsize(path) if os.path.exists(path) else 0

    def requests_since(self, mark):
        """(uri, status, bytes sent including headers) of every request answered since `mark`."""
        with open(os.path.join(self.tmp, "access.log"), "rb") as log:
            log.seek(mark)
            lines = log.read().decode("utf-8", "replace").splitlines()
        return [(uri, int(status), int(size)) for uri, status, size in (line.rsplit(" ", 2) for line in lines if line)]

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGQUIT)  # graceful: master ends its workers
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None
