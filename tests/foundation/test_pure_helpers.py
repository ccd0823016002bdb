"""Tax codes and floor-plan geometry."""

import pytest

from fairmatch.common.keys import is_valid_tax_code, split_key
from fairmatch.floorplan import Rect, grid_layout, hall_size, is_connected, touching


@pytest.mark.parametrize("code", ["0100109106", "0100109106-001", "001085012345"])
def test_valid_tax_codes(code):
    assert is_valid_tax_code(code)


@pytest.mark.parametrize("code", ["0100109107", "010010910", "0100109106-01", "01001091061", "abcdefghij", ""])
def test_invalid_tax_codes(code):
    assert not is_valid_tax_code(code)


def test_a_foreign_key_splits_into_country_and_registration():
    assert split_key("JP-0104010012345") == ("JP", None, "0104010012345")
    assert split_key("0100109106") == ("VN", "0100109106", None)
    with pytest.raises(ValueError):
        split_key("VN-123")


def test_a_grid_hall_holds_its_booths_without_overlap():
    spots = grid_layout("A", double_rows=4, blocks_per_row=2, booths_per_block=8)
    width, depth = hall_size(double_rows=4, blocks_per_row=2, booths_per_block=8)
    assert len(spots) == 128 and len({s.code for s in spots}) == 128
    for spot in spots:
        assert spot.rect.x >= 0 and spot.rect.x + spot.rect.width <= width
        assert spot.rect.y >= 0 and spot.rect.y + spot.rect.depth <= depth
    for i, a in enumerate(spots):
        for b in spots[i + 1:]:
            overlap_x = min(a.rect.x + 3, b.rect.x + 3) - max(a.rect.x, b.rect.x)
            overlap_y = min(a.rect.y + 3, b.rect.y + 3) - max(a.rect.y, b.rect.y)
            assert overlap_x <= 1e-9 or overlap_y <= 1e-9


def test_booths_sharing_a_wall_touch_but_diagonal_ones_do_not():
    a, right, behind, diagonal, across_aisle = (
        Rect(0, 0, 3, 3), Rect(3, 0, 3, 3), Rect(0, 3, 3, 3), Rect(3, 3, 3, 3), Rect(0, 9, 3, 3))
    assert touching(a, right) and touching(a, behind)
    assert not touching(a, diagonal) and not touching(a, across_aisle)
    assert is_connected([a, right, diagonal])
    assert not is_connected([a, diagonal])


def test_the_ends_of_a_block_are_corner_booths():
    spots = grid_layout("B", double_rows=1, blocks_per_row=1, booths_per_block=4)
    assert [s.type for s in spots[:4]] == ["corner", "premium", "premium", "corner"]
