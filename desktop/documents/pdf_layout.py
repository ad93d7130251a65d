"""A PDF page's lines in reading order, as blocks of lines that belong together.

Lines that sit one under the other, overlap sideways and share a font size form a block (a paragraph,
or a column's run of paragraphs). Blocks are put in reading order by Breuel's two rules (as in OCRopus):
a block comes before another that it overlaps sideways and sits above, and before one entirely to its
right unless something between them vertically reaches across both (a headline over the columns, a
rule across the page). That reads one, two and three columns, and a headline or a picture caption
spanning them, without knowing the number of columns. Blocks are then cut into paragraphs where a line
is indented or where the line before stopped short although the next word would have fitted.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from statistics import median

from desktop.documents.pdf_lines import Line

# Lines further apart than this many line heights (beyond the usual leading) start a new block.
_BLOCK_GAP = 0.9
# An indent of at least this many font sizes starts a paragraph.
_INDENT_EMS = 0.8
# A line can continue one of the most recent blocks only (one per column, and a few more).
_OPEN_BLOCKS = 8
# A drop cap is a single letter at least this many times the body size.
_DROP_CAP = 1.8


@dataclass(slots=True)
class Block:
    lines: list[Line] = field(default_factory=list)
    x0: float = 0.0
    top: float = 0.0
    x1: float = 0.0
    bottom: float = 0.0

    def add(self, line: Line) -> None:
        if not self.lines:
            self.x0, self.top, self.x1, self.bottom = line.x0, line.top, line.x1, line.bottom
        else:
            self.x0, self.top = min(self.x0, line.x0), min(self.top, line.top)
            self.x1, self.bottom = max(self.x1, line.x1), max(self.bottom, line.bottom)
        self.lines.append(line)

    @property
    def size(self) -> float:
        return median(line.size for line in self.lines)

    @property
    def text(self) -> str:
        return " ".join(line.text for line in self.lines)


def body_size(lines: list[Line]) -> float:
    """The font size most of the text is set in (weighted by characters)."""
    weights: dict[float, int] = {}
    for line in lines:
        key = round(line.size * 2) / 2
        weights[key] = weights.get(key, 0) + len(line.text)
    return max(weights, key=weights.__getitem__) if weights else 10.0


def attach_drop_caps(lines: list[Line], body: float) -> list[Line]:
    """Put a drop cap back in front of the word it starts ("R" + "emember" -> "Remember")."""
    kept: list[Line] = []
    caps = [ln for ln in lines if len(ln.text) == 1 and ln.text.isalpha() and ln.size >= _DROP_CAP * body]
    if not caps:
        return lines
    for line in lines:
        if line in caps:
            continue
        kept.append(line)
    for cap in caps:
        beside = [
            ln for ln in kept
            if ln.x0 >= cap.x1 - 2 and ln.x0 - cap.x1 < 3 * body and cap.top - body <= ln.top <= cap.bottom
        ]
        if beside:
            target = min(beside, key=lambda ln: (ln.top, ln.x0))
            target.text = cap.text + target.text
            target.x0 = cap.x0
        else:
            kept.append(cap)
    return kept


def blocks_of(lines: list[Line]) -> list[Block]:
    """Group a page's lines into blocks, each line joining the block it continues."""
    blocks: list[Block] = []
    for line in sorted(lines, key=lambda ln: (ln.top, ln.x0)):
        # Only the blocks still open matter: those whose last line is just above this one.
        for block in reversed(blocks[-_OPEN_BLOCKS:]):
            if _continues(block, line):
                block.add(line)
                break
        else:
            block = Block()
            block.add(line)
            blocks.append(block)
    return blocks


def _continues(block: Block, line: Line) -> bool:
    last = block.lines[-1]
    height = max(last.height, line.height, 1.0)
    gap = line.top - last.bottom
    if gap < -0.5 * height or gap > _BLOCK_GAP * height:
        return False
    if abs(line.size - last.size) > 0.15 * max(line.size, last.size):
        return False
    if last.linked != line.linked:
        return False
    overlap = min(block.x1, line.x1) - max(block.x0, line.x0)
    return overlap > 0.5 * min(line.width, block.x1 - block.x0)


def reading_order(blocks: list[Block]) -> list[Block]:
    """Breuel's partial order, resolved top to bottom, left to right among equals."""
    n = len(blocks)
    if n < 2:
        return blocks
    boxes = [(b.x0, b.top, b.x1, b.bottom) for b in blocks]
    before: list[set[int]] = [set() for _ in range(n)]  # before[j]: blocks that must come before j
    for i, a in enumerate(boxes):
        for j, b in enumerate(boxes):
            if i != j and _precedes(i, j, a, b, boxes):
                before[j].add(i)
    order: list[Block] = []
    placed: set[int] = set()
    remaining = set(range(n))
    while remaining:
        ready = [j for j in remaining if before[j] <= placed] or list(remaining)  # a cycle: fall back
        j = min(ready, key=lambda k: (boxes[k][1], boxes[k][0]))
        order.append(blocks[j])
        placed.add(j)
        remaining.discard(j)
    return order


Box = tuple[float, float, float, float]  # x0, top, x1, bottom


def _precedes(i: int, j: int, a: Box, b: Box, boxes: list[Box]) -> bool:
    if min(a[2], b[2]) > max(a[0], b[0]):  # they overlap sideways: the upper one first
        return a[1] < b[1]
    if a[2] > b[0]:
        return False
    # a is left of b: first, unless a block between them vertically reaches over both.
    upper, lower = min(a[3], b[3]), max(a[1], b[1])
    for k, c in enumerate(boxes):
        if c[1] >= upper and c[3] <= lower and c[0] < a[2] and c[2] > b[0] and k != i and k != j:
            return False
    return True


def paragraphs_of(block: Block) -> list[list[Line]]:
    """Cut a block where a line is indented, or where the previous line stopped short of the margin."""
    paragraphs: list[list[Line]] = [[block.lines[0]]]
    left, right = block.x0, block.x1
    for previous, line in zip(block.lines, block.lines[1:], strict=False):
        em = max(line.size, 1.0)
        indented = line.x0 - left >= _INDENT_EMS * em and previous.x0 - left < _INDENT_EMS * em
        if indented or _stopped_short(previous, line, right):
            paragraphs.append([line])
        else:
            paragraphs[-1].append(line)
    return paragraphs


def _stopped_short(previous: Line, line: Line, right: float) -> bool:
    """The line before ended although the next line's first word would have fitted after it."""
    if previous.hyphenated:
        return False
    first_word = line.text.split(" ", 1)[0]
    char_width = previous.width / max(len(previous.text), 1)
    needed = (len(first_word) + 1) * char_width
    return right - previous.x1 > needed + char_width
