"""Reviewed rule vocabularies, grouped by concept.

These are data, not code: each tuple names one concept in the languages we support, in folded
form (NFKC + casefold, so full-width ``：`` is written ``:``). They are general site-chrome words
found across many sites, never strings taken from a particular article. Rules import them by
concept; nothing mutates them.
"""

from __future__ import annotations

# Headings that introduce a list of links to other articles.
RELATED_HEADINGS: tuple[str, ...] = (
    "相关阅读", "相关文章", "相关内容", "相关新闻", "相关推荐", "相关链接", "相关报道", "相关资讯",
    "延伸阅读", "推荐阅读", "热门资讯", "热门文章", "热门推荐", "热点新闻", "热点推荐", "热门新闻",
    "随便看看", "猜你喜欢", "为你推荐", "为您推荐", "精彩推荐", "精彩图片", "最新文章", "最新资讯",
    "最新新闻", "热门标签", "热门阅读", "阅读排行", "排行榜", "点击排行", "今日推荐", "大家都在看",
    "看了又看", "你可能感兴趣", "您可能感兴趣", "你可能也喜欢", "相关标签", "更多精彩", "更多阅读",
    "更多新闻", "更多资讯", "友情链接", "图片新闻", "推荐文章", "热门评论", "编辑推荐", "近期文章",
    # Japanese
    "関連記事", "関連ニュース", "関連リンク", "おすすめ記事", "オススメ記事", "人気記事", "人気の記事",
    "新着記事", "最新記事", "注目記事", "あわせて読みたい", "こちらもおすすめ", "アクセスランキング",
    # Korean
    "관련기사", "관련 기사", "관련뉴스", "관련 뉴스", "많이 본 뉴스", "많이 본 기사", "인기 기사", "인기기사",
    "추천 기사", "추천기사", "최신 기사", "최신기사", "주요 뉴스", "주요뉴스",
    "related articles", "related stories", "related posts", "related news", "related content",
    "related", "read more", "read next", "more stories", "more news", "more from", "recommended",
    "recommended for you", "you may also like", "you might also like", "popular", "most popular",
    "most read", "trending", "trending now", "top stories", "latest news", "latest stories",
    "latest posts", "recent posts", "recent articles", "further reading", "see also",
    "also on", "don't miss", "editor's picks", "editors' picks", "what to read next",
    "around the web", "from the web", "sponsored content", "promoted stories", "popular posts",
    "more in", "more on", "in case you missed it", "up next", "keep reading",
    "recent stories", "latest articles", "popular articles", "popular stories", "most popular posts",
    "most viewed", "most shared", "most commented", "most discussed", "featured posts", "featured stories",
    "featured articles", "related reading", "related links", "recommended reading", "recommended articles",
    "recommended stories", "more like this", "more articles", "top articles", "top posts", "recent comments",
    "you may also be interested in", "you might be interested in", "related topics",
)

# Headings of an article's table of contents (a whole short line, trailing dots or colon aside).
TOC_HEADINGS: tuple[str, ...] = (
    "table of contents", "table of content", "contents", "article contents", "in this article",
    "in this post", "in this guide", "on this page", "jump to", "jump to section", "go to",
    "目录", "文章目录", "本文目录", "目次", "목차",
)

# Share / navigation widgets: whole short lines made of these words.
WIDGET_WORDS: tuple[str, ...] = (
    "分享到", "分享", "扫一扫", "微信扫一扫", "收藏", "打印", "关闭", "关闭窗口", "返回顶部", "回到顶部",
    "上一篇", "下一篇", "上一页", "下一页", "返回首页", "返回列表", "点赞", "举报", "纠错", "字号",
    "大", "中", "小", "转发", "评论", "复制链接", "微博", "微信", "qq空间", "朋友圈",
    "share", "share this", "share on", "tweet", "email", "print", "facebook", "twitter", "linkedin",
    "pinterest", "reddit", "whatsapp", "comments", "comment", "reply", "previous", "next",
    "previous post", "next post", "previous article", "next article", "back to top", "skip to content",
    "skip to main content", "menu", "search", "close", "subscribe", "sign in", "log in", "login",
    "sign up", "register", "home", "advertisement", "advertising", "sponsored", "like", "follow us",
)

# Labels of the share/print buttons that text dumps glue onto the end of a headline line
# ("Headline Save Email Print"); cut off the headline when two or more trail it (meta.strip_button_tail).
BUTTON_WORDS: tuple[str, ...] = (
    "share", "email", "e-mail", "print", "save", "tweet", "like", "comment", "comments", "bookmark", "pin",
)

# Openings of a form's consent checkbox label ("I agree to receive emails from ..."): never a headline.
FORM_CHECKBOX_OPENERS: tuple[str, ...] = (
    "i agree to", "i agree that", "i consent to", "i accept the", "i have read and", "yes, i would like",
    "我已阅读", "我已阅读并同意", "我同意",
)

# Share/print/email button labels of several words; a short line made only of these (and of
# WIDGET_WORDS) is a button row: "Print This E-mail This", "Email to a friend | Printer friendly".
BUTTON_ROW_PHRASES: tuple[str, ...] = (
    "email this article", "e-mail this article", "print this article", "email this story", "e-mail this story",
    "print this story", "email this page", "e-mail this page", "print this page", "email this post",
    "e-mail this post", "print this post", "email this post to a friend", "email this to a friend",
    "email this", "e-mail this", "print this", "email to a friend", "e-mail to a friend", "email a friend",
    "email-a-friend", "e-mail a friend", "send to a friend", "send to friend", "printer friendly version",
    "printer-friendly version", "printer friendly", "printer-friendly", "print-friendly version",
    "print friendly", "print version", "page tools", "return to top", "text size", "font size",
)

# Prefixes that introduce the next/previous article or a share widget.
WIDGET_PREFIXES: tuple[str, ...] = (
    "上一篇", "下一篇", "上一条", "下一条", "上一页", "下一页", "分享到", "扫一扫", "扫描二维码",
    "previous post", "next post", "previous article", "next article", "share this", "share on",
    "follow us on", "click to share",
)

# Disclaimer / copyright markers.
DISCLAIMER_MARKERS: tuple[str, ...] = (
    "声明:", "免责声明", "版权声明", "版权所有", "版权归", "转载请注明", "未经授权", "未经许可",
    "不代表本站", "不代表本网", "不代表本平台", "本站不承担", "本网不承担", "如有侵权", "侵权请联系",
    "all rights reserved", "copyright ©", "copyright (c)", "©", "(c) copyright", "terms of use",
    "privacy policy", "terms of service", "cookie policy", "this material may not be published",
)

# Cookie-consent notices: the site speaking of its cookies ("we", "our") in consent vocabulary.
COOKIE_WORDS: tuple[str, ...] = ("cookie", "cookies", "cookie-", "cookies-")
COOKIE_SITE_WORDS: tuple[str, ...] = ("we", "our", "us", "wir", "unsere", "nous", "nos", "notre", "usamos", "utilizamos", "nuestro", "nuestros", "nossos", "noi", "nostro")
COOKIE_NOTICE_TERMS: tuple[str, ...] = (
    "consent", "preference", "preferences", "settings", "browser", "browsing", "tracking", "track", "advertising",
    "advertisers", "ads", "third party", "third-party", "third parties", "opt out", "opt-out", "accept", "privacy",
    "personalise", "personalize", "personalised", "personalized", "analytics", "essential", "strictly necessary",
    "functional", "performance", "device", "storage", "einwilligung", "zustimmen", "einstellungen", "consentement",
    "paramètres", "consentimiento", "configuración", "consentimento",
)

# Comment forms.
COMMENT_MARKERS: tuple[str, ...] = (
    "发表评论", "发表回复", "发表您的评论", "我要评论", "网友评论", "评论列表", "已有0条评论", "暂无评论",
    "您的电子邮箱地址不会被公开", "你的电子邮件地址不会被公开", "电子邮件地址不会被公开", "必填项已用",
    "登录后发表评论", "请登录后评论", "文明上网", "理性发言",
    "leave a reply", "leave a comment", "post a comment", "add a comment", "your email address will not be published",
    "required fields are marked", "cancel reply", "comments are closed", "be the first to comment",
    "join the conversation", "join the discussion", "view comments", "show comments", "comment policy",
    "you must be logged in to post a comment", "post comment", "submit comment",
    # the subscription checkboxes under a blog's comment box ("Notify me of follow-up comments by email.")
    "notify me of follow-up comments", "notify me of followup comments", "notify me of new comments",
    "notify me of new posts", "comments are now closed",
    # the markup note under a comment box ("You may use these HTML tags and attributes: <a> <b> …")
    "you may use these html tags", "you can use these html tags", "allowed html tags", "html tags allowed",
    "html tags are not allowed", "no html tags allowed", "basic html is allowed",
)

# The status messages a page's forms print after use (a comment, a newsletter sign-up, a feedback
# button, an email-this-page form): "Thank you. Your reply has been submitted …", "Thanks for signing up!".
FORM_STATUS_PHRASES: tuple[str, ...] = (
    "your reply has been submitted", "your comment has been submitted", "your comment is awaiting moderation",
    "your message has been sent", "your email has been sent", "your submission has been received",
    "thank you for your feedback", "thanks for your feedback", "thank you for signing up",
    "thanks for signing up", "thank you for subscribing", "thanks for subscribing",
)

# Labels that introduce a permalink; text glued before them on one line is split off.
PERMALINK_LABELS: tuple[str, ...] = (
    "本文链接", "原文链接", "原文地址", "文章链接", "本文地址", "转载请注明出处", "永久链接",
    "permalink", "original link", "source url",
)

# Labels that introduce the source of an article.
SOURCE_LABELS: tuple[str, ...] = ("来源", "来自", "出处", "稿源", "文章来源", "新闻来源", "source", "via")

# Byline / editor labels.
AUTHOR_LABELS: tuple[str, ...] = ("作者", "撰文", "文", "记者", "编辑", "责任编辑", "责编", "编者", "审核", "校对", "by", "author", "written by", "reporter")
EDITOR_LABELS: tuple[str, ...] = ("责任编辑", "责编", "编辑", "审核", "校对", "值班编辑", "实习编辑", "编审", "监制", "editor", "edited by")

# Image credits and caption markers.
IMAGE_CREDIT_LABELS: tuple[str, ...] = (
    "图片来源", "图源", "图片来自", "图片由", "图/", "摄影", "摄", "资料图", "图为", "配图", "题图", "供图", "视频来源",
    "photo", "photograph", "photo credit", "image", "image credit", "image source", "picture", "pictured", "credit", "illustration",
)
IMAGE_AGENCIES: tuple[str, ...] = (
    "视觉中国", "图虫创意", "东方ic", "ic photo", "新华社", "中新社", "getty images", "getty", "reuters", "afp",
    "ap photo", "associated press", "shutterstock", "istock", "alamy", "epa", "unsplash", "pexels",
)

# Breadcrumb openers and separators.
BREADCRUMB_OPENERS: tuple[str, ...] = ("当前位置", "您的位置", "你的位置", "您现在的位置", "你现在的位置", "所在位置", "位置:", "you are here")
BREADCRUMB_SEPARATORS: tuple[str, ...] = (">", "›", "»", "→", "/", "|", "»", ">>", "::", "-")
HOME_WORDS: tuple[str, ...] = ("首页", "主页", "网站首页", "home", "homepage", "main page")

# Meta lines: view counts, reading time, category labels.
COUNT_WORDS: tuple[str, ...] = (
    "阅读", "浏览", "点击", "评论", "次阅读", "人阅读", "阅读量", "浏览量", "点赞", "views", "reads",
    "comments", "min read", "minute read", "minutes read", "read time", "shares", "likes",
)
CATEGORY_WORDS: tuple[str, ...] = ("未分类", "分类:", "栏目:", "标签:", "tags:", "category:", "categories:", "filed under", "posted in", "tagged")

# Words meaning "compiled from" after an outlet name: X综合… → source X.
COMPILED_FROM: tuple[str, ...] = ("综合", "综述", "编译", "整理")

# Newsletter / subscription / app-download prompts.
PROMO_MARKERS: tuple[str, ...] = (
    "关注我们", "关注公众号", "扫码关注", "下载客户端", "下载app", "打开app", "点击下载", "长按识别二维码",
    "sign up for", "subscribe to", "newsletter", "download the app", "get the app", "follow us",
)

# A site asking the reader to subscribe, in its own voice ("Sign up for our newsletter and get
# the best stories straight to your inbox."): newsletter / mailing-list / e-mail sign-up wording.
SUBSCRIPTION_PROMPT_PHRASES: tuple[str, ...] = (
    "our newsletter", "our newsletters", "our mailing list", "our email list", "your inbox", "enter your email",
    "your email address", "your e-mail address", "sign up to receive", "sign up for our", "subscribe to our",
    "subscribe now", "join our mailing list", "join our newsletter", "we respect your privacy",
    "unsubscribe at any time", "never share your email", "get our newsletter", "newsletter sign up",
    "newsletter signup", "subscribe to the newsletter", "sign up for the newsletter", "our rss feed",
)

# Chinese function characters (a stop list used for prose-likeness of CJK text).
CJK_STOP_CHARS: frozenset[str] = frozenset(
    "的了是在和也有就不都而及与这那他她它我你们对将被把从向以为于其之所但并或等很还又到说让"
    # Japanese particles and auxiliaries (hiragana), so Japanese prose reads as prose too.
    "のはがをにでともへやたすすまるれ"
)

# Korean: the last syllable of a space-separated word (eojeol) that is a case particle or a verb
# ending (은/는 topic, 이/가 subject, 을/를 object, 에/의/로/와/과/도/만, -고/-며/-면/-서/-다/-요 …).
# Running Korean text ends most words in one of these; menus and headlines end most in nouns.
KOREAN_FUNCTION_ENDINGS: frozenset[str] = frozenset("은는이가을를에의도로와과만서고며면다요게지한할된인적")

# Frequent function words of Latin-script languages (en, de, fr, es, pt, it, nl, id), and of
# Hindi (Devanagari: postpositions, conjunctions, the copula), which also separates words by spaces.
LATIN_STOP_WORDS: frozenset[str] = frozenset(
    """
    a about after all also an and any are as at be because been but by can could did do does for from
    had has have he her his how i if in into is it its just may more most my no not of on one only or
    other our out over said says she so some than that the their them then there these they this to up
    was we were what when where which who will with would you your
    der die das und ist nicht ein eine zu den dem mit von auf für sich des im sie es auch als an wie
    le la les et des est un une du en que qui dans pour pas sur au par ce il elle sont avec
    el los las y es un una que del se por con para su al lo como más pero
    o os as e é um uma que do da dos das em no na para com não se por mais
    il lo la gli le e è un una che di da in con per non si sono
    de het een en is van op te dat niet
    yang dan di ini itu dengan untuk tidak dari dalam akan pada
    है हैं था थी थे के का की को में से ने पर और भी यह वह कि तो नहीं हो एक लिए गया गई किया कर साथ बाद
    """.split()
)

# Per-language function words, for guessing Article.language of Latin-script text.
STOP_WORDS_BY_LANG: dict[str, frozenset[str]] = {
    "en": frozenset("the and of to in is that for it was on with as by at from this be are have has not but they his her which".split()),
    "de": frozenset("der die das und ist nicht ein eine zu den dem mit von auf für sich des im auch als wie werden wurde".split()),
    "fr": frozenset("le la les et des est un une du en que qui dans pour pas sur au par ce il elle sont avec".split()),
    "es": frozenset("el los las y es un una que del se por con para su al lo como más pero fue".split()),
    "pt": frozenset("o os as e é um uma que do da dos das em no na para com não se por mais foi".split()),
    "it": frozenset("il lo la gli le e è un una che di da in con per non si sono del della".split()),
    "nl": frozenset("de het een en is van op te dat niet zijn met voor".split()),
    "id": frozenset("yang dan di ini itu dengan untuk tidak dari dalam akan pada".split()),
}

# Words that make a title suffix look like a site name ("… | Example News").
SITE_WORDS: tuple[str, ...] = (
    "网", "新闻", "日报", "晚报", "早报", "时报", "周刊", "周末", "电视", "电台", "在线", "频道", "资讯", "头条", "财经",
    "news", "times", "post", "daily", "journal", "herald", "tribune", "gazette", "review", "magazine", "online",
    "blog", "network", "media", "press", "wire", "today", "weekly", ".com", ".net", ".org", ".cn", ".co",
    "reuters", "bbc", "cnn", "ap", "afp", "guardian", "telegraph", "independent", "economist", "observer",
)

# Headings that open a comment section (after the article): "274 Comments", "53 Responses to …".
COMMENT_SECTION_WORDS: tuple[str, ...] = (
    "comments", "comment", "responses", "response", "replies", "reactions", "thoughts on", "reader comments",
    "readers' comments", "discussion", "conversation", "trackbacks", "pingbacks",
    "评论", "条评论", "网友评论", "全部评论", "热门评论", "最新评论", "读者评论", "留言", "条留言", "网友留言", "回复",
)
# Links beside one comment (a dated line carrying one is a comment's header).
COMMENT_ACTION_WORDS: tuple[str, ...] = ("permalink", "reply", "quote", "report", "回复", "引用", "举报")
COMMENT_SECTION_PHRASES: tuple[str, ...] = (
    "the following comments are owned by", "comments are owned by", "comments for this thread are now closed",
    "reader comments", "user comments", "showing comments", "sort comments by", "comments powered by",
    "what do you think?", "have your say", "join the conversation", "join the discussion", "add your comment",
    "view all comments", "show all comments", "load comments", "loading comments", "comments rss",
    "网友评论仅供其表达个人看法", "评论仅代表网友个人观点",
)

# Notices a site prints about the reader's browser and the standard wording of consent dialogs
# (the purposes listed by consent-management tools): chrome wherever they appear.
SITE_NOTICE_PHRASES: tuple[str, ...] = (
    "this page is best viewed", "this site is best viewed", "this website is best viewed", "best viewed with",
    "up-to-date web browser", "upgrade your browser", "update your browser", "your browser does not support",
    "javascript is disabled", "please enable javascript", "enable javascript in your browser",
    "javascript must be enabled", "style sheets (css) enabled",
    "store and/or access information on a device", "the technical storage or access",
    "use limited data to select advertising", "create profiles for personalised",
)

# Words of cookie / privacy consent banners. A paragraph with a core word and another, different
# word of either list is a banner, never the opening of the story (meta.main_body_start skips it).
CONSENT_CORE_WORDS: tuple[str, ...] = ("cookie", "cookies", "隐私政策", "个人信息")
CONSENT_WORDS: tuple[str, ...] = ("consent", "privacy", "personal data", "partners", "accept", "website", "browser", "analytics",
                                  "advertising", "同意", "隐私")

# The furniture a blog engine prints under a post: filing line, feed and trackback notes,
# permalink prompt, comment/ping status (standard blog-theme wording, in any position).
BLOG_POST_FOOTER_PHRASES: tuple[str, ...] = (
    "this entry was posted", "you can follow any responses to this entry", "you can leave a response",
    "trackback from your own site", "bookmark the permalink", "comments and pings are currently closed",
    "responses are currently closed", "pinging is currently not allowed",
)

# Job and role words of an author's blurb under a story ("Jane Doe is a freelance writer based in
# Springfield"): a name described by one of these in the blurb's first sentence.
AUTHOR_ROLE_WORDS: tuple[str, ...] = (
    "writer", "editor", "journalist", "reporter", "author", "contributor", "columnist", "correspondent",
    "blogger", "founder", "co-founder", "ceo", "director", "manager", "executive", "specialist", "consultant",
    "strategist", "marketer", "expert", "analyst", "researcher", "scientist", "professor", "lecturer",
    "designer", "developer", "engineer", "photographer", "coach", "trainer", "physician", "nutritionist",
    "dietitian", "lawyer", "attorney", "freelance", "graduate", "student", "advocate", "enthusiast", "host",
)
