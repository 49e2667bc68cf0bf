/* The language links of the public pages remember the choice: clicking one sets the language
   cookie (its name in data-cookie-name on #language-links, Django's LANGUAGE_COOKIE_NAME) in
   the browser, so a bare address opened later (an old email's link, /events/...) redirects to
   that language. The pages themselves never set a cookie (they can be cached), and the
   Content-Security-Policy allows our own scripts only, so this is a file, not an inline
   handler. Without JavaScript the links still work; only the memory is lost.
   A link to a page outside the language prefixes (the board's login, data-keeps-language)
   carries the page's language there the same way: a board member who came by an /az/ link
   logs in in Azerbaijani, not in the browser's or the site's default. */
(function () {
  "use strict";
  var ONE_YEAR = 365 * 24 * 3600;
  document.addEventListener("click", function (event) {
    var link = event.target.closest("#language-links a[hreflang], a[data-keeps-language]");
    if (!link) {
      return;
    }
    var language = link.getAttribute("hreflang") || document.documentElement.lang;
    var list = document.getElementById("language-links");
    var name = (list && list.getAttribute("data-cookie-name")) || "django_language";
    if (!language) {
      return;
    }
    var cookie = name + "=" + encodeURIComponent(language) +
      "; path=/; max-age=" + ONE_YEAR + "; SameSite=Lax";
    if (window.location.protocol === "https:") {
      cookie += "; Secure";
    }
    document.cookie = cookie;
  });
})();
