"""Rule families. Each module holds one family; :data:`DEFAULT_RULES` is the ordered pipeline."""

from .base import Context, Label, LineRule, Rule, Verdict
from .comment_section import CommentSection
from .comments import CommentForm
from .dom import DomChrome, EmptySection, LinkDensity, MainContent, MainProse, MediaCaption, OutsideMain
from .junk import PlaceholderToken
from .legal import Disclaimer
from .media import ImageCredit
from .metadata import AuthorBlurb, HeadlineLine, MetaLine, PermalinkLine, SourceLine
from .navigation import Breadcrumb, ShareWidget
from .quality import ContextSmoothing, ProseClassifier
from .region import MainRegion
from .related import RelatedHeading, RepeatedLine, SiteSuffixTitles, TeaserRun, TeaserSummaries, TitleRun
from .spam import SpamLinks

#: The default pipeline, in order. The first verdict on a block wins, so specific chrome
#: patterns come first, the prose classifier after them, and context smoothing last.
DEFAULT_RULES: tuple[Rule, ...] = (
    HeadlineLine(),
    PermalinkLine(),
    MediaCaption(),
    DomChrome(),
    OutsideMain(),
    LinkDensity(),
    Breadcrumb(),
    SourceLine(),
    MetaLine(),
    Disclaimer(),
    CommentForm(),
    ImageCredit(),
    PlaceholderToken(),
    ShareWidget(),
    SpamLinks(),
    MainProse(),
    CommentSection(),
    RelatedHeading(),
    TeaserSummaries(),
    SiteSuffixTitles(),
    TeaserRun(),
    RepeatedLine(),
    EmptySection(),
    MainContent(),
    TitleRun(),
    MainRegion(),
    AuthorBlurb(),
    ProseClassifier(),
    ContextSmoothing(),
)

__all__ = [
    "DEFAULT_RULES", "Rule", "LineRule", "Verdict", "Label", "Context",
    "HeadlineLine", "PermalinkLine", "Breadcrumb", "SourceLine", "MetaLine", "Disclaimer",
    "CommentForm", "CommentSection", "ImageCredit", "PlaceholderToken", "ShareWidget", "SpamLinks", "RelatedHeading",
    "SiteSuffixTitles", "TeaserRun", "TeaserSummaries", "TitleRun", "RepeatedLine", "MainRegion", "AuthorBlurb", "ProseClassifier", "ContextSmoothing",
    "MediaCaption", "DomChrome", "OutsideMain", "LinkDensity", "MainProse", "EmptySection", "MainContent",
]
