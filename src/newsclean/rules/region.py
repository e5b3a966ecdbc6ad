"""The main text region: the densest run of prose on the page; what lies outside it is chrome.

Each block scores its prose class (good blocks add their size, borderline ones half of it,
short and bad blocks and blocks already removed subtract); the maximum-sum run of blocks
(Kadane's algorithm) is the main region. Blocks outside it are dropped, unless they are strong
prose on their own, which rules after this one may still keep.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .base import Context, Rule, Verdict
from .quality import BAD, GOOD, NEAR, classify, is_data_row


@dataclass(frozen=True)
class MainRegion(Rule):
    """Drops blocks outside the densest run of prose.

    Removes: menu, teaser and footer lines above and below the article.
    Keeps:   every block inside the run, including short subheadings between paragraphs; the
             whole page when the run holds less than half of its prose score (no article dominates).
    """

    id = "region.outside_main"
    short_penalty: float = 3.0
    bad_weight: float = 1.0
    near_weight: float = 0.5
    dropped_weight: float = 1.0
    keep_outside_good: bool = True
    #: The region must hold this share of the page's positive score to count as *the* article;
    #: otherwise no region dominates (lists, directories, multi-story pages) and nothing is dropped.
    min_dominance: float = 0.5

    def __call__(self, ctx: Context) -> Iterable[Verdict]:
        blocks = ctx.blocks
        if not blocks:
            return
        scores: list[float] = []
        classes: list[str] = []
        for block in blocks:
            if ctx.labels[block.index] is not None:
                label = ctx.labels[block.index]
                scores.append(block.size if label.keep else -self.dropped_weight * min(block.size, 30) - 1)  # type: ignore[union-attr]
                classes.append("")
                continue
            klass = classify(block).klass
            classes.append(klass)
            if klass == GOOD:
                scores.append(block.size)
            elif klass == NEAR:
                scores.append(self.near_weight * block.size)
            elif is_data_row(block):
                scores.append(0.0)  # a row of a data table inside the article: neither prose nor chrome
            elif klass == BAD:
                scores.append(-self.bad_weight * min(block.size, 30) - 1)
            else:
                scores.append(-self.short_penalty)
        best, best_start, best_end = float("-inf"), 0, -1
        running, start = 0.0, 0
        for i, score in enumerate(scores):
            if running <= 0:
                running, start = score, i
            else:
                running += score
            if running > best:
                best, best_start, best_end = running, start, i
        if best <= 0 or best_end < 0:
            return
        positive = sum(score for score in scores if score > 0)
        if best < self.min_dominance * positive:
            return
        first, last = blocks[best_start].line_start, blocks[best_end].line_end
        for block in blocks:
            if best_start <= block.index <= best_end or ctx.labels[block.index] is not None:
                continue
            if self.keep_outside_good and classes[block.index] == GOOD and block.size >= 60:
                continue
            side = "above" if block.index < best_start else "below"
            yield self.drop(block, f"{side} the main text region (lines {first}-{last}, score {best:.0f})")
