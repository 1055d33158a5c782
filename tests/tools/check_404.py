"""Load the page a server answers for a missing, nested address, as a browser would, and
check that every address on it resolves: stylesheets, scripts, links, the search index.

    check_404.py --serve DIR --base /team/playbook/ PATH...   a static host over DIR that
        answers every missing address with <base>404.html and status 404 (as nginx's
        `error_page 404 /team/playbook/404.html`, Apache's ErrorDocument, GitHub Pages)
    check_404.py --origin http://127.0.0.1:1111 PATH...        a server already running

Addresses are resolved by urllib.parse.urljoin (RFC 3986), independently of gen. Prints
one JSON object: for each PATH, its status, the addresses found and those that failed.
"""

import argparse
import functools
import html.parser
import http.server
import json
import os
import threading
import urllib.error
import urllib.parse
import urllib.request

# Attributes whose values a browser fetches or follows (gen's theme uses data-index and
# data-root for the search index and the site's root).
ADDRESS_ATTRIBUTES = ("href", "src", "data-index", "data-root")


class Addresses(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ADDRESS_ATTRIBUTES and value is not None:
                self.found.append((tag, name, value))


class NotFoundHost(http.server.SimpleHTTPRequestHandler):
    """A static file server that answers a missing file with the site's 404 page."""

    base = "/"

    def send_error(self, code, message=None, explain=None):
        page = os.path.join(self.directory, self.base.strip("/"), "404.html")
        if code != 404 or not os.path.isfile(page):
            return super().send_error(code, message, explain)
        with open(page, "rb") as f:
            body = f.read()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, *args):
        pass


def fetch(url):
    """(status, body) of a GET."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def check(origin, path):
    page_url = origin + path
    status, body = fetch(page_url)
    parser = Addresses()
    parser.feed(body.decode("utf-8", "replace"))
    checked, failed = [], []
    for tag, attribute, value in parser.found:
        if value.startswith(("#", "mailto:", "javascript:")):
            continue
        url = urllib.parse.urljoin(page_url, value)
        if not url.startswith(origin + "/"):
            continue
        # The live-reload socket of `gen serve` is not a page.
        if "/__gen/" in url:
            continue
        url = url.split("#", 1)[0]
        got, _ = fetch(url)
        checked.append(url)
        if got != 200:
            failed.append({"tag": tag, "attribute": attribute, "value": value,
                           "url": url, "status": got})
    return {"path": path, "status": status, "length": len(body),
            "checked": checked, "failed": failed}


def main():
    args = argparse.ArgumentParser()
    args.add_argument("--serve")
    args.add_argument("--base", default="/")
    args.add_argument("--origin")
    args.add_argument("paths", nargs="+")
    options = args.parse_args()
    server = None
    origin = options.origin
    if options.serve:
        handler = functools.partial(
            type("Host", (NotFoundHost,), {"base": options.base}),
            directory=options.serve)
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        origin = "http://127.0.0.1:%d" % server.server_address[1]
    print(json.dumps([check(origin, path) for path in options.paths]))
    if server:
        server.shutdown()


if __name__ == "__main__":
    main()
