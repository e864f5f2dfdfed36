// On every page: lets a signed-in member add Alianza to her phone and read her home
// and alerts offline; signed out, nothing of hers stays on the device.
(function () {
  "use strict";
  var CACHE = "alianza-member-v1";
  var signedIn = document.body.dataset.signedIn === "yes";
  var note = document.getElementById("offline-note");

  function showOffline() {
    if (note) note.classList.toggle("d-none", navigator.onLine);
  }

  if (!signedIn) {
    if (window.caches) window.caches.delete(CACHE);
    if ("serviceWorker" in navigator) {
      navigator.serviceWorker.getRegistrations().then(function (found) {
        found.forEach(function (registration) { registration.unregister(); });
      });
    }
    return;
  }
  if ("serviceWorker" in navigator && window.isSecureContext) {
    navigator.serviceWorker.register(document.body.dataset.serviceWorker, { scope: "/" });
  }
  window.addEventListener("online", showOffline);
  window.addEventListener("offline", showOffline);
  showOffline();
})();
