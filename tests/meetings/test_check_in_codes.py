from fairmatch.meetings.codes import badge_code, meeting_code, person_code, read_code


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


def test_a_persons_badge_code_reads_back_and_cannot_be_passed_off_as_another_kind(app):
    with app.app_context():
        code = person_code(17)
        assert read_code(code) == ("person", 17)
        assert read_code(f" {code.lower()}\r\n") == ("person", 17)
        # The digest covers the kind: the same number as a user badge or a meeting is refused.
        assert read_code(code.replace("FM-P", "FM-B")) is None
        assert read_code(code.replace("FM-P", "FM-M")) is None
        assert read_code(code.replace("P17", "P18")) is None
        assert read_code(badge_code(17)) != read_code(code)
