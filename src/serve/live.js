// gen serve: live reload. Injected into pages while serving only; never written to disk.
(function () {
  var config = __GEN_CONFIG__;
  var scheme = location.protocol === "https:" ? "wss:" : "ws:";
  var retry = 250;
  function showOverlay(html) {
    clearOverlay();
    var holder = document.createElement("div");
    holder.innerHTML = html;
    if (holder.firstChild) document.body.appendChild(holder.firstChild);
  }
  function clearOverlay() {
    var old = document.getElementById("gen-overlay");
    if (old) old.remove();
  }
  function swapStylesheets(paths) {
    var links = document.querySelectorAll('link[rel="stylesheet"]');
    links.forEach(function (link) {
      var url = new URL(link.href, location.href);
      if (paths.indexOf(url.pathname) === -1) return;
      url.searchParams.set("gen", Date.now());
      var fresh = link.cloneNode();
      fresh.href = url.toString();
      fresh.onload = function () { link.remove(); };
      link.after(fresh);
    });
  }
  function connect() {
    var socket = new WebSocket(scheme + "//" + location.host + config.url);
    socket.onopen = function () { retry = 250; };
    socket.onmessage = function (event) {
      var message = JSON.parse(event.data);
      if (message.kind === "reload") {
        if (config.follow && message.follow && message.follow !== location.pathname) {
          location.href = message.follow;
        } else {
          location.reload();
        }
      } else if (message.kind === "css") {
        clearOverlay();
        swapStylesheets(message.paths);
      } else if (message.kind === "error") {
        showOverlay(message.html);
      } else if (message.kind === "ok") {
        clearOverlay();
      }
    };
    socket.onclose = function () {
      setTimeout(connect, retry);
      retry = Math.min(retry * 2, 5000);
    };
  }
  connect();
})();
