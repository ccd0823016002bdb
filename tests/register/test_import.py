"""Importing the city's register: good files in both formats, bad rows, and the same file twice."""

from sqlalchemy import func, select

from fairmatch.enterprises.models import Enterprise, Product
from fairmatch.extensions import db
from fairmatch.register.models import RegisterEntry
from tests.register.conftest import register_csv, register_tax_code, register_xlsx


def _import(runner, tmp_path, data: bytes, name="so-cong-thuong.csv"):
    path = tmp_path / name
    path.write_bytes(data)
    return runner.invoke(args=["import-register", str(path)])


def _counts(app) -> tuple[int, int, int]:
    with app.app_context():
        return (
            db.session.scalar(select(func.count(RegisterEntry.id))),
            db.session.scalar(select(func.count(Enterprise.id))),
            db.session.scalar(select(func.count(Product.id)).where(Product.recognized_verified.is_(True))),
        )


def test_a_good_register_marks_the_listed_product_recognised_and_adds_unknown_enterprises_unverified(
    app, runner, tmp_path, transformer_maker, client
):
    newcomer = register_tax_code()
    data = register_csv(
        (1, transformer_maker, "Công ty CP Thiết bị điện Đông Anh", "máy biến áp phân phối", "1234/QĐ-UBND", 2024),
        (2, newcomer, "Công ty TNHH Cáp điện Sóc Sơn", "Cáp điện lực hạ thế", "5678/QĐ-UBND", 2025),
    )
    result = _import(runner, tmp_path, data)
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == (
        "register: 2 rows; enterprises: 1 matched, 1 created; recognised products added: 2; unchanged rows: 0"
    )
    with app.app_context():
        listed = db.session.scalar(select(Product).where(Product.name_vi == "Máy biến áp phân phối"))
        assert (listed.recognized_year, listed.recognized_decision_no, listed.recognized_verified) == (
            2024,
            "1234/QĐ-UBND",
            True,
        )
        added = db.session.scalar(select(Enterprise).where(Enterprise.tax_code == newcomer))
        assert (added.name_vi, added.kind, added.verified) == ("Công ty TNHH Cáp điện Sóc Sơn", "lead", False)
        assert [(p.name_vi, p.category.code, p.recognized_verified) for p in added.products] == [
            ("Cáp điện lực hạ thế", "EE.CABLE", True)
        ]
    # The directory's "recognised key products" filter now finds both makers.
    page = client.get("/directory?recognized=1&lang=vi").get_data(as_text=True)
    assert "Thiết bị điện Đông Anh" in page and "Cáp điện Sóc Sơn" in page


def test_an_xlsx_with_english_headers_and_a_tax_code_stored_as_a_number_is_read(app, runner, tmp_path):
    data = register_xlsx(
        (100109106, "Công ty CP Cơ khí Hà Nội", "Máy tiện vạn năng", "2301/QĐ-UBND", 2023),
        header=("TAX_CODE", "Enterprise", "Product", "decision_no", "YEAR"),
    )
    result = _import(runner, tmp_path, data, "register.xlsx")
    assert result.exit_code == 0, result.output
    with app.app_context():
        entry = db.session.scalar(select(RegisterEntry))
        assert (entry.tax_code, entry.product, entry.decision_no, entry.year) == (
            "0100109106",
            "Máy tiện vạn năng",
            "2301/QĐ-UBND",
            2023,
        )


def test_bad_rows_are_reported_by_their_spreadsheet_row_and_nothing_is_imported(app, runner, tmp_path):
    data = register_csv(
        (1, register_tax_code(), "Công ty TNHH Nhựa Hòa Bình", "Khuôn ép nhựa", "77/QĐ-UBND", 2024),
        (2, "0100109107", "Công ty CP Điện Yên Viên", "Công tơ điện tử", "78/QĐ-UBND", 2024),
        (3, register_tax_code(), "Công ty TNHH Dược Thăng Long", "Viên nang cứng", "", 1890),
    )
    before = _counts(app)
    result = _import(runner, tmp_path, data)
    assert result.exit_code == 1
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("row 3: the tax code 0100109107 is not valid")
    assert lines[1].startswith("row 4: the decision number is missing; the year 1890 is not a year of recognition")
    assert _counts(app) == before


def test_a_file_without_the_register_columns_names_what_is_missing(runner, tmp_path):
    result = _import(runner, tmp_path, register_csv(header=("Mã số thuế", "Tên doanh nghiệp", "Sản phẩm")))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == ["row 1: no column Số quyết định (or decision_no); no column Năm (or year)"]


def test_a_csv_not_saved_in_utf8_is_refused_with_a_way_to_fix_it(runner, tmp_path):
    data = "Mã số thuế,Tên doanh nghiệp,Sản phẩm,Số quyết định,Năm\n".encode("utf-16")
    result = _import(runner, tmp_path, data)
    assert result.exit_code == 1
    assert result.stderr.strip() == 'row 1: the .csv file is not in UTF-8: save it as "CSV UTF-8"'


def test_importing_the_same_register_twice_changes_nothing(app, runner, tmp_path, transformer_maker):
    data = register_csv(
        (1, transformer_maker, "Công ty CP Thiết bị điện Đông Anh", "Máy biến áp phân phối", "1234/QĐ-UBND", 2024),
        (2, register_tax_code(), "Công ty TNHH Cáp điện Sóc Sơn", "Cáp điện lực", "5678/QĐ-UBND", 2025),
    )
    assert _import(runner, tmp_path, data).exit_code == 0
    after_first = _counts(app)
    again = _import(runner, tmp_path, data)
    assert again.exit_code == 0
    assert again.stdout.strip() == (
        "register: 2 rows; enterprises: 2 matched, 0 created; recognised products added: 0; unchanged rows: 2"
    )
    assert _counts(app) == after_first == (2, 2, 2)
