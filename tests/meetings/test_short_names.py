"""The meetings grid's short names: the fewest words that tell the firms shown apart, the legal
form dropped, the same names whatever the order."""

import random

from fairmatch.common.short_names import short_names

ALIKE = [
    ("0101", "Công ty CP Đầu tư và Phát triển Cơ khí Đông Anh"),
    ("0102", "Hộ kinh doanh Xưởng Cơ khí Đông Anh"),
    ("0103", "Công ty TNHH Cơ khí Chính xác Đông Á"),
    ("0104", "Công ty TNHH MTV Nhựa Đông Anh"),
    ("0105", "Tổng công ty Thép Sao Mai"),
    ("JP-1", "Takioka Bio Distribution K.K."),
    ("JP-2", "Takioka Bio Foods Co., Ltd."),
]


def test_the_legal_form_goes_and_the_firm_s_own_name_stays():
    names = short_names(
        [
            ("0105", "Tổng công ty Thép Sao Mai"),
            ("0106", "Hộ kinh doanh Xưởng Mộc Quốc Mỹ"),
            ("0107", "Công ty TNHH MTV Bao bì Hưng Hà"),
            ("KR-1", "Hongtai Polymer Sourcing Co., Ltd."),
        ]
    )
    assert names == {"0105": "Sao Mai", "0106": "Quốc Mỹ", "0107": "Hưng Hà", "KR-1": "Hongtai Polymer"}


def test_names_that_share_words_keep_enough_of_them_to_stay_distinct():
    names = short_names(ALIKE)
    assert names == {
        "0101": "Phát triển Cơ khí Đông Anh",  # never half a word ("triển Cơ khí …")
        "0102": "Xưởng Cơ khí Đông Anh",
        "0103": "Đông Á",
        "0104": "Nhựa Đông Anh",
        "0105": "Sao Mai",
        "JP-1": "Takioka Bio Distribution",
        "JP-2": "Takioka Bio Foods",
    }
    assert len(set(names.values())) == len(ALIKE)
    for key, full in ALIKE:
        assert len(names[key]) < len(full)


def test_short_names_do_not_depend_on_the_order_of_the_names():
    shuffled = ALIKE[:]
    random.Random(7).shuffle(shuffled)
    assert short_names(shuffled) == short_names(ALIKE) == short_names(reversed(ALIKE))


def test_firms_whose_names_differ_only_by_legal_form_or_not_at_all_still_read_apart():
    names = short_names(
        [("1", "Công ty CP Thép Hòa Bình"), ("2", "Công ty TNHH Thép Hòa Bình"), ("3", "Công ty TNHH Thép Hòa Bình")]
    )
    assert names == {
        "1": "Công ty CP Thép Hòa Bình",
        "2": "Công ty TNHH Thép Hòa Bình (2)",
        "3": "Công ty TNHH Thép Hòa Bình (3)",
    }


def test_a_name_that_is_the_end_of_another_keeps_its_whole_own_name():
    names = short_names([("1", "Công ty TNHH Nhựa Thành Công"), ("2", "Công ty CP Cơ khí Nhựa Thành Công")])
    assert names == {"1": "Nhựa Thành Công", "2": "Cơ khí Nhựa Thành Công"}
