/* The language links of the public pages remember the choice: clicking one sets the language
   cookie (its name in data-cookie-name on #language-links, Django's LANGUAGE_COOKIE_NAME) in
   the browser, so a bare address opened later (an old email's link, /events/...) redirects to
   that language. The pages themselves never set a cookie (they can be cached), and the
   Content-Security-Policy allows our own scripts only, so this is a file, not an inline
   handler. Without JavaScript the links still work; only the memory is lost. */
(function () {
  "use strict";
  var ONE_YEAR = 365 * 24 * 3600;
  document.addEventListener("click", function (event) {
    var link = event.target.closest("#language-links a[hreflang]");
    if (!link) {
      return;
    }
    var list = link.closest("#language-links");
    var name = list.getAttribute("data-cookie-name") || "django_language";
    var cookie = name + "=" + encodeURIComponent(link.getAttribute("hreflang")) +
      "; path=/; max-age=" + ONE_YEAR + "; SameSite=Lax";
    if (window.location.protocol === "https:") {
      cookie += "; Secure";
    }
    document.cookie = cookie;
  });
})();
