/* Assistive features (L-A11Y.2): text size, high contrast, reading articles aloud.
 *
 * Progressive enhancement: the toolbar and the read-aloud button are in the HTML but `hidden`
 * until this script shows them. The reader's choices live in localStorage under the keys the
 * inline script of includes/assist.html reads before the first paint.
 */
(function () {
  "use strict";

  var FONT_KEY = "portal.font";
  var CONTRAST_KEY = "portal.contrast";
  var FONT_STEPS = [100, 112.5, 125, 150]; // per cent of the browser's own text size
  var root = document.documentElement;

  function load(key) {
    try {
      return window.localStorage.getItem(key);
    } catch (e) {
      return null; // storage disabled: choices last for this page only
    }
  }

  function save(key, value) {
    try {
      if (value === null) window.localStorage.removeItem(key);
      else window.localStorage.setItem(key, value);
    } catch (e) {
      /* storage disabled or full: the choice still applies to this page */
    }
  }

  function currentFont() {
    var step = parseInt(root.getAttribute("data-font") || "0", 10);
    return step >= 0 && step < FONT_STEPS.length ? step : 0;
  }

  function setFont(step, status) {
    step = Math.max(0, Math.min(FONT_STEPS.length - 1, step));
    if (step === 0) root.removeAttribute("data-font");
    else root.setAttribute("data-font", String(step));
    save(FONT_KEY, step === 0 ? null : String(step));
    if (status) status.textContent = "Cỡ chữ: " + String(FONT_STEPS[step]).replace(".", ",") + " %";
  }

  function setContrast(high, button) {
    if (high) root.setAttribute("data-contrast", "high");
    else root.removeAttribute("data-contrast");
    save(CONTRAST_KEY, high ? "high" : null);
    button.setAttribute("aria-pressed", high ? "true" : "false");
  }

  function initToolbar() {
    var bar = document.querySelector("[data-assist]");
    if (!bar) return;
    var status = bar.querySelector("[data-assist-status]");
    var contrast = bar.querySelector("[data-assist-contrast]");
    // Another tab may have changed the choice since the inline script ran: storage wins.
    var saved = load(FONT_KEY);
    if (saved !== null && /^[1-3]$/.test(saved)) root.setAttribute("data-font", saved);
    if (load(CONTRAST_KEY) === "high") root.setAttribute("data-contrast", "high");
    contrast.setAttribute("aria-pressed", root.getAttribute("data-contrast") === "high" ? "true" : "false");

    bar.addEventListener("click", function (event) {
      var button = event.target.closest("button");
      if (!button || !bar.contains(button)) return;
      var font = button.getAttribute("data-assist-font");
      if (font === "up") setFont(currentFont() + 1, status);
      else if (font === "down") setFont(currentFont() - 1, status);
      else if (font === "reset") setFont(0, status);
      else if (button.hasAttribute("data-assist-contrast")) {
        setContrast(root.getAttribute("data-contrast") !== "high", button);
      }
    });
    bar.hidden = false;
  }

  /* Read aloud: only with a Vietnamese voice; a foreign voice would mangle Vietnamese text. */

  function vietnameseVoice(synth) {
    var voices = synth.getVoices() || [];
    for (var i = 0; i < voices.length; i++) {
      var lang = String(voices[i].lang || "").toLowerCase();
      if (lang === "vi" || lang.indexOf("vi-") === 0 || lang.indexOf("vi_") === 0) return voices[i];
    }
    return null;
  }

  // Chromium stops long utterances after about 15 seconds: speak sentence-sized pieces instead.
  function chunks(text) {
    var pieces = [];
    text.split(/\n+/).forEach(function (line) {
      line = line.replace(/\s+/g, " ").trim();
      if (!line) return;
      var sentences = line.match(/[^.!?…;:]+[.!?…;:]*\s*/g) || [line];
      var current = "";
      sentences.forEach(function (sentence) {
        if (current && (current + sentence).length > 220) {
          pieces.push(current.trim());
          current = "";
        }
        current += sentence;
      });
      if (current.trim()) pieces.push(current.trim());
    });
    return pieces;
  }

  function articleText(container) {
    var parts = container.querySelectorAll("[data-read-aloud-part]");
    if (!parts.length) parts = [container];
    var texts = [];
    for (var i = 0; i < parts.length; i++) texts.push(parts[i].innerText || parts[i].textContent || "");
    return texts.join("\n");
  }

  function initReadAloud() {
    var container = document.querySelector("[data-read-aloud]");
    var button = document.querySelector("[data-read-aloud-button]");
    if (!container || !button) return;
    if (!("speechSynthesis" in window) || typeof window.SpeechSynthesisUtterance !== "function") return;
    var synth = window.speechSynthesis;
    var voice = null;
    var reading = false;

    function show(isReading) {
      reading = isReading;
      button.textContent = isReading ? "Dừng đọc" : "Đọc bài";
    }

    function stop() {
      if (reading) synth.cancel();
      show(false);
    }

    function start() {
      var pieces = chunks(articleText(container));
      if (!pieces.length || !voice) return;
      synth.cancel(); // whatever another page left queued
      show(true);
      pieces.forEach(function (text, index) {
        var utterance = new window.SpeechSynthesisUtterance(text);
        utterance.voice = voice;
        utterance.lang = voice.lang;
        if (index === pieces.length - 1) {
          utterance.onend = function () { show(false); };
        }
        utterance.onerror = function () { show(false); };
        synth.speak(utterance);
      });
    }

    function pickVoice() {
      voice = vietnameseVoice(synth);
      if (!voice) stop();
      button.hidden = !voice;
    }

    button.addEventListener("click", function () {
      if (reading) stop();
      else start();
    });
    window.addEventListener("pagehide", stop);
    // Voices load asynchronously in most browsers: ask now and again when they arrive.
    if (typeof synth.addEventListener === "function") synth.addEventListener("voiceschanged", pickVoice);
    else synth.onvoiceschanged = pickVoice;
    pickVoice();
  }

  initToolbar();
  initReadAloud();
})();
