/* Web-page rules as data: which elements never hold article text, which
** start a block, and the class/id words that say "furniture" or "article"
** (after Readability's and trafilatura's published lists). Class and id
** words are PCRE2 patterns over the element's "class id" string. */
#include "html_rules.h"

/* Elements dropped with everything inside them. */
const char *const nw_html_drop_tags[] = {
  "script", "style", "noscript", "iframe", "svg", "button", "input", "select", "textarea", "nav", "aside",
  "template", "object", "embed", "canvas", "video", "audio", "figure", "figcaption", "picture", "img", "map",
  "label", "dialog", "menu", "head", "link", "meta", "title", "math", "source", "track", NULL,
};

/* Elements that end the current block of text when they open or close. */
const char *const nw_html_block_tags[] = {
  "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt",
  "dd", "blockquote", "pre", "table", "tr", "td", "th", "tbody", "thead", "header", "footer", "address", "hr",
  "center", "body", "caption", NULL,
};

/* class/id of page furniture (tried on elements other than the body):
** Readability's list, matched anywhere in the words, then shorter words
** matched as whole parts of a dashed or underscored name. */
const char *const nw_html_unlikely =
  "-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|"
  "menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|"
  "pagination|pager|popup|yom-remote|newsletter|subscri|signup|sharing|sharebar|cookie|consent|outbrain|taboola|"
  "recirc|recommend|trending|most-popular|read-more|more-stories|paywall|masthead|byline|author-info|author-bio";
const char *const nw_html_unlikely_words =
  "(?:^|[-_ ])(?:ad|ads|adv|advert|advertisement|modal|share|toolbar|tools|promo|login|nav|navigation|caption|"
  "credit|tags|tag-list|topics|print|skip|sr-only|visually-hidden|hidden|widget|rating|jump|alert|survey|"
  "inline-related|see-also|also-read|video-player|gallery|slideshow|timestamp|dateline|meta|kicker|eyebrow|"
  "category|section-name|headline|title|hdr)(?:$|[-_ 0-9])";

/* class/id words of containers that may hold the article (they protect an
** element from the unlikely list). */
const char *const nw_html_maybe = "and|article|body|column|content|main|shadow|story|entry|post|text|blog|tweet|embed";

/* class/id of social posts quoted in the story (kept, as readers see them). */
const char *const nw_html_posts = "tweet|embed|instagram-media|tiktok-embed";

/* Score weights of class/id words. */
const char *const nw_html_positive =
  "article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story|articlebody|article-body|story-body|"
  "post-body|entry-content|rich-text|paragraph";
const char *const nw_html_negative =
  "-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|foot|footer|footnote|gdpr|masthead|media|"
  "meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|tool|widget|"
  "newsletter|subscribe|byline|author|caption|credit|recirc|popular|trending|title|headline|heading";
