// Under an alert's subject and message: how long they are as a text message, and in
// how many parts, counted as alianza/lib/sms.py counts them (GSM-7: 160 characters,
// 153 a part; one character outside it makes the whole message UCS-2: 70, 67 a part).
(function () {
  "use strict";
  var words = document.getElementById("sms-counter-words");
  var subject = document.querySelector("input[name=title]");
  var body = document.querySelector("textarea[name=body]");
  if (!words || !subject || !body) return;
  var BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
  var EXTENSION = "^{}\\[~]|€\f";
  var out = document.createElement("p");
  out.className = "form-text sms-counter";
  out.setAttribute("aria-live", "polite");
  body.parentNode.appendChild(out);

  function count(text) {
    var gsm = true, length = 0, i;
    for (i = 0; i < text.length; i++) {
      var c = text[i];
      if (EXTENSION.indexOf(c) >= 0) { length += 2; }
      else if (BASIC.indexOf(c) >= 0) { length += 1; }
      else { gsm = false; break; }
    }
    if (!gsm) length = text.length;  // UTF-16 code units, as the gateway counts them
    var single = gsm ? 160 : 70, multi = gsm ? 153 : 67;
    var parts = length <= single ? (length ? 1 : 0) : Math.ceil(length / multi);
    return { encoding: gsm ? "GSM-7" : "UCS-2", length: length, parts: parts };
  }

  function show() {
    var text = subject.value + ": " + body.value;
    var found = count(text);
    var template = found.parts === 1 ? words.dataset.one : words.dataset.many;
    out.textContent = template.replace("{length}", found.length)
      .replace("{encoding}", found.encoding).replace("{parts}", found.parts) +
      (found.encoding === "UCS-2" ? " " + words.dataset.ucs : "");
  }
  subject.addEventListener("input", show);
  body.addEventListener("input", show);
  show();
})();
