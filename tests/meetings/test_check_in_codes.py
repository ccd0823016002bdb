from fairmatch.meetings.codes import badge_code, meeting_code, read_code


def test_a_printed_code_reads_back_as_what_it_names(app):
    with app.app_context():
        assert read_code(badge_code(17)) == ("badge", 17)
        assert read_code(meeting_code(4)) == ("meeting", 4)
        # Scanners and people type in any case, with stray spaces.
        assert read_code(f"  {meeting_code(4).lower()}\n") == ("meeting", 4)


def test_a_forged_or_mistyped_code_is_refused(app):
    with app.app_context():
        genuine = badge_code(17)
        assert read_code(genuine.replace("B17", "B18")) is None
        assert read_code(genuine[:-1] + ("0" if genuine[-1] != "0" else "1")) is None
        assert read_code("hello") is None


def test_codes_depend_on_the_installation_secret(make_app):
    first, second = make_app(SECRET_KEY="one"), make_app(SECRET_KEY="two")
    with first.app_context():
        code = badge_code(5)
    with second.app_context():
        assert read_code(code) is None
