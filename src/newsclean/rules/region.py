"""The main text region: the densest run of prose on the page; what lies outside it is chrome.

Each block scores its prose class (good blocks add their size, borderline ones half of it,
short and bad blocks and blocks already removed subtract); the maximum-sum run of blocks
(Kadane's algorithm) is the main region. Blocks outside it are dropped, unless they are strong
prose on their own above the region (a lead paragraph cut off from the rest of the story by a
photo gallery or a fact box), which rules after this one may still keep. Strong prose below the
region goes: there it is a teaser's summary, an author's or a site's blurb, a legal notice.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .base import Context, Rule, Verdict
from .quality import BAD, GOOD, NEAR, classify, is_data_row


@dataclass(frozen=True)
class MainRegion(Rule):
    """Drops blocks outside the densest run of prose.

    Removes: menu, teaser and footer lines above and below the article; a paragraph of prose
             below it (``Jane Doe writes about gardens and lives in Springfield. Her new book …``
             after the share buttons and teaser titles under a story).
    Keeps:   every block inside the run, including short subheadings between paragraphs; a run
             of 2+ list-marked items right below its last block (``• Apple iPad`` under ``… on the
             following devices:``); a
             paragraph of 60+ words of prose above it; the whole page when the run holds less
             than half of its prose score (no article dominates).
    """

    id = "region.outside_main"
    short_penalty: float = 3.0
    bad_weight: float = 1.0
    near_weight: float = 0.5
    dropped_weight: float = 1.0
    #: A paragraph of prose (``min_outside_good`` tokens or more) above the region stays for the
    #: rules after this one: a story's lead cut off from the rest by a gallery or a fact box.
    keep_outside_good: bool = True
    #: ... and below it too (measured on the dev set: below the article such paragraphs are
    #: mostly teaser summaries, author/site blurbs and notices; dropping them moved non-CJK
    #: 0.8954 -> 0.8958, 15 pages up and 4 down).
    keep_outside_good_below: bool = False
    min_outside_good: int = 60
    #: The region must hold this share of the page's positive score to count as *the* article;
    #: otherwise no region dominates (lists, directories, multi-story pages) and nothing is dropped.
    min_dominance: float = 0.5
    #: A list hanging right off the region's last block belongs to the article: a run of this many
    #: or more list-marked items right below it stays (0 switches this off).
    min_lead_in_items: int = 2

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
        region_end = best_end
        best_end = self._lead_in_list_end(blocks, ctx, best_end)
        first, last = blocks[best_start].line_start, blocks[best_end].line_end
        for index in range(region_end + 1, best_end + 1):
            yield self.keep(blocks[index], f"item of a list of {best_end - region_end} right below the main text region's last block (line {blocks[region_end].line_end})")
        for block in blocks:
            if best_start <= block.index <= best_end or ctx.labels[block.index] is not None:
                continue
            above = block.index < best_start
            if (self.keep_outside_good and (above or self.keep_outside_good_below)
                    and classes[block.index] == GOOD and block.size >= self.min_outside_good):
                continue
            side = "above" if above else "below"
            yield self.drop(block, f"{side} the main text region (lines {first}-{last}, score {best:.0f})")

    def _lead_in_list_end(self, blocks, ctx: Context, end: int) -> int:
        """The region's end moved over the list that hangs right off its last block.

        ``… you can read it on the following devices:`` followed by ``• Kindle``, ``• Nook``,
        ``• Kobo`` lines: the short items score as chrome, so the run stops before them. Only
        undecided, list-marked items right below count (a teaser or tag list the related and
        navigation rules labelled stops the run), only a run of ``min_lead_in_items`` or more, and
        only under a block that is no list item itself (the region ending inside a list means the
        list's items already scored as chrome, like a teaser list's).
        """
        if self.min_lead_in_items <= 0 or blocks[end].list_marker:
            return end
        stop = end
        while stop + 1 < len(blocks) and ctx.labels[stop + 1] is None and blocks[stop + 1].list_marker:
            stop += 1
        return stop if stop - end >= self.min_lead_in_items else end
