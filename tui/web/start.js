// Starts textual-serve's terminal (textual.js, loaded just before) on our terms.
// textual.js starts from window.onload and reads two things from the page's URL:
// ?delay= (show a Start button) and ?ping= (a URL it fetches before connecting, any
// URL at all). We take its start function, drop the query (only ?fontsize= is read,
// here), point it at this page's own websocket and start it once Roboto Mono is
// loaded, so xterm.js measures its cells with the font it will draw with.
"use strict";
(function () {
  const startTerminal = window.onload;
  window.onload = null;

  const url = new URL(window.location.href);
  const fontSize = Math.min(48, Math.max(8, parseInt(url.searchParams.get("fontsize") || "16", 10) || 16));
  if (url.search) {
    window.history.replaceState(null, "", url.pathname);
  }

  document.addEventListener("DOMContentLoaded", async function () {
    const terminal = document.getElementById("terminal");
    const scheme = window.location.protocol === "https:" ? "wss:" : "ws:";
    terminal.dataset.sessionWebsocketUrl = scheme + "//" + window.location.host + "/ws";
    terminal.dataset.fontSize = String(fontSize);
    document.getElementById("restart").addEventListener("click", function () {
      window.location.reload();
    });
    try {
      await Promise.all([
        document.fonts.load(fontSize + "px 'Roboto Mono'"),
        document.fonts.load("bold " + fontSize + "px 'Roboto Mono'"),
      ]);
    } catch (error) {
      // A font that fails to load leaves xterm.js its fallback fonts: still usable.
    }
    startTerminal.call(window, new Event("load"));
  });
})();
