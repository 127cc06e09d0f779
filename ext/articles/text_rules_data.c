/* Line rules for saved text articles, as data: which lines are site
** furniture (navigation, captions, photo credits, embeds, prompts, footers),
** which carry metadata, and which are the article's own credit lines.
** Patterns are PCRE2 (UTF, case-insensitive unless they say (?-i)), matched
** against one trimmed line with markdown links already reduced to their text;
** a rule is only tried on lines of at most max_len bytes (long lines are body
** paragraphs) that contain one of its need words (lower case, '|' between
** them), which keeps the reader fast. */
#include "text_rules.h"

const nw_line_rule nw_line_rules[] = {
  /* Article credit lines stay in the body and stop the footer sweep. */
  {"^(?:with )?(?:additional |a )?(?:reports?|reporting|files|writing|editing|contributions?) (?:from|by)\\b", LR_KEEP, 200, NULL},
  {"^contributing:|^(?:this (?:story|article|report) (?:was|has been) (?:updated|corrected))", LR_KEEP, 300, NULL},

  /* Metadata lines (header fields, bylines, source links). */
  {"^original (?:url|article|link)\\s*:\\s*<?(https?://\\S+?)?>?$", LR_URL, 600, NULL},
  {"^(?:url|link|source url|canonical)\\s*:\\s*<?(https?://\\S+?)>?$", LR_URL, 600, NULL},
  {"^(?:(?:published|posted|date|updated|first published)(?: on| at)?\\s*:?\\s*)(.{6,60})$", LR_DATE, 80, NULL},
  {"^(?:by|written by|words by|author|authors|byline)\\s*:?\\s+(\\p{Lu}.{1,160})$", LR_BYLINE, 200, NULL},
  {"^(?:title|headline)\\s*:\\s*(.{3,300})$", LR_TITLE, 320, NULL},
  {"^(?:source|publisher|outlet)\\s*:\\s*(.{2,80})$", LR_SOURCE, 100, NULL},
  {"^(?:©|\\(c\\)|copyright)\\s*(?:\\d{4}(?:\\s*[-–]\\s*\\d{4})?\\s*)?(?:by\\s+)?(.{2,80}?)[.,]?(?:\\s+all rights reserved\\.?)?$", LR_COPYRIGHT, 160, NULL},

  /* Navigation and page chrome; rules and heading underlines. */
  {"^(?:={3,}|-{3,}|\\*{3,}|_{3,}|(?:\\* ){2,}\\*)$", LR_RULE, 200, NULL},
  {"^(?:skip to (?:main )?(?:content|navigation|search)|jump to (?:main )?content|back to top|toggle navigation)$", LR_DROP, 60, NULL},
  {"^(?:advertisement|advertising|sponsored(?: content)?|ad|story continues below(?: advertisement)?|article continues below(?: advertisement)?|continue reading(?: below| the main story)?|scroll to continue.*)$", LR_DROP, 60, NULL},
  {"^(?:listen to (?:this )?(?:article|story)|(?:\\d+ )?min(?:ute)?s? read|reading time.{0,20}|print(?: this (?:page|article))?|comments?(?: \\(\\d+\\))?|\\d+ comments?)$", LR_DROP, 60, NULL},
  /* Photo captions, credits and galleries. */
  {"^(?:open|view|see) (?:this )?(?:photo|image|picture)s? in (?:the )?gallery:?$", LR_DROP_NEXT, 60, NULL},
  {"^(?:photo|image|picture|video|graphic)s?(?: caption| credit)?\\s*:", LR_DROP, 400, NULL},
  {"^(?:caption|credit|source: (?:getty|reuters|ap|afp))\\b\\s*:", LR_DROP, 400, NULL},
  {"\\((?:photo|image|picture|credit)s?\\b[^)]{0,80}\\)$", LR_DROP, 400, "("},
  {"(?-i)^\\p{Lu}[\\p{L}'’.-]+(?: \\p{Lu}[\\p{L}'’.-]+){0,3}\\s*/\\s*(?:\\p{Lu}[\\p{L}&.'’-]*)(?: \\p{Lu}[\\p{L}&.'’-]*){0,3}$", LR_DROP, 90, NULL},
  {"(?-i)[\\p{Ll}\\d)][.!?”\"]?\\s*\\p{Lu}[\\p{Lu}\\p{L}&.'’ -]{1,30}/\\s?\\p{Lu}[\\p{L}&.' -]{1,30}$", LR_DROP, 400, "/"},
  {"(?:getty images|shutterstock|ap photo|afp photo|reuters photo|file photo)\\)?\\.?$", LR_DROP, 400, "getty|shutterstock|photo"},
  /* Embeds and social posts: a tweet's text ends with its signature line. */
  {"^(?:embed|embedded (?:content|tweet|video)|view (?:this )?post on \\w+|a post shared by .{0,80})\\s*:?$", LR_EMBED, 100, NULL},
  {"—\\s*[^—()]{1,60}\\(@\\w{1,30}\\)\\s+\\S.{0,40}?\\b(?:19|20)\\d\\d\\)?$", LR_TWEET, 1000, "(@"},
  {"\\bpic\\.twitter\\.com/\\w+", LR_TWEET, 1000, "pic.twitter.com"},
  /* Cross-links, prompts to sign up, follow or share. */
  {"^(?:related(?: articles?| stories| story| content| coverage| links?| reading)?|read (?:more|also|next)|see also|more (?:from|on) .{1,40}|recommended(?: for you)?|most (?:read|popular|viewed)|trending(?: now)?|you may (?:also )?like|more stories)\\s*(?::.{0,250})?$", LR_DROP, 300, NULL},
  {"\\bnewsletters?\\b.{0,300}\\b(?:sign up|subscribe|register)\\b|\\b(?:sign up|subscribe)\\b.{0,120}\\bnewsletters?\\b", LR_DROP, 600, "newsletter"},
  {"^(?:sign up|subscribe|register|log in|sign in|create (?:an|your|a free) account|already a subscriber)\\b.{0,120}$", LR_DROP, 140, NULL},
  {"^(?:follow|like|join) (?:us|the author|topics|this author|@\\w+|\\w+ on (?:twitter|facebook|instagram|linkedin))\\b.{0,100}$", LR_DROP, 140, NULL},
  {"^(?:follow|read|see|get|find) .{0,150}\\b(?:at|on|here:?) <?https?://\\S+>?$", LR_DROP, 250, "http"},
  {"^(?:manage|edit|customi[sz]e|personali[sz]e) (?:your )?(?:alerts|follows|topics|preferences|notifications|(?:news )?feed)\\b.{0,60}$", LR_DROP, 100, NULL},
  {"^(?:share|tweet|email|e-mail|pin|whatsapp|facebook|twitter|linkedin|reddit|copy link)(?: (?:this|the) (?:article|story|page|link))?(?: (?:on|via|with) .{1,30})?:?$", LR_DROP, 60, NULL},
  {"^(?:report an? (?:error|typo)|click here to .{1,80}|tap here to .{1,80}|get the app.{0,60}|download (?:the|our) app.{0,60})$", LR_DROP, 120, NULL},
  {"^(?:terms of (?:use|service)|privacy policy|cookie (?:policy|settings)|all rights reserved\\.?)\\b.{0,100}$", LR_DROP, 120, NULL},
};

const size_t nw_line_rule_count = sizeof nw_line_rules / sizeof nw_line_rules[0];
