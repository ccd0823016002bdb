"""Server-drawn SVG charts: bars in proportion, every text escaped, long first steps cut visibly."""

import re

from fairmatch.printing.charts import WIDTH, BarRow, Segment, Step, funnel, stacked_bars

SEGMENTS = [Segment("confirmed", "Đã xác nhận", "status-confirmed"),
            Segment("available", "Còn trống", "status-available")]


def widths(svg: str) -> list[float]:
    return [float(w) for w in re.findall(r'<rect[^>]*width="([\d.]+)"', svg)]


def test_stacked_bars_are_in_proportion_and_the_longest_fills_the_width():
    svg = stacked_bars("Gian hàng", SEGMENTS, [BarRow("Cơ khí", {"confirmed": 6, "available": 2}, "75%"),
                                               BarRow("Bao bì", {"confirmed": 1, "available": 3})])
    assert widths(svg) == [WIDTH * 6 / 8, WIDTH * 2 / 8, WIDTH * 1 / 8, WIDTH * 3 / 8]
    assert "<title>Đã xác nhận: 6</title>" in svg and ">8 · 75%<" in svg and ">4<" in svg


def test_every_text_in_a_chart_is_escaped():
    svg = stacked_bars('Zones <"A">', SEGMENTS, [BarRow("<script>alert(1)</script> & Co", {"confirmed": 1})])
    assert "<script>" not in svg and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co" in svg
    assert 'aria-label="Zones &lt;&quot;A&quot;&gt;"' in svg


def test_a_funnel_gives_each_steps_share_of_the_one_before_and_cuts_an_outsized_first_step():
    svg = funnel("Phễu", [Step("Gợi ý", 1000), Step("Yêu cầu", 40), Step("Nhận lời", 30)], scale=40)
    assert "Yêu cầu (4%)" in svg and "Nhận lời (75%)" in svg
    first, requests, accepted = widths(svg)
    assert first == requests and accepted == requests * 30 / 40
    assert svg.count("chart-cut") == 1 and ">1000<" in svg
