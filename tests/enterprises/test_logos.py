"""Logos are checked by their content, redrawn without metadata and served only as images."""

import io

import pytest
from PIL import Image
from werkzeug.datastructures import FileStorage, MultiDict
from werkzeug.test import encode_multipart

from tests.enterprises.conftest import enterprise


def image_bytes(fmt="PNG", size=(800, 400), mode="RGB", **save) -> bytes:
    out = io.BytesIO()
    Image.new(mode, size, (11, 88, 112)).save(out, fmt, **save)
    return out.getvalue()


def upload(client, key, data: bytes, filename="logo.png"):
    """Post the file as a browser does; the body is built in memory (the test client would spool
    a large one to a temporary file that it never closes)."""
    boundary, body = encode_multipart(MultiDict({"logo": FileStorage(io.BytesIO(data), filename)}))
    return client.post(f"/enterprises/{key}/logo?lang=en", data=body,
                       content_type=f"multipart/form-data; boundary={boundary}")


@pytest.mark.parametrize("fmt", ["PNG", "JPEG", "WEBP"])
def test_a_logo_is_redrawn_as_a_small_webp_and_served_as_an_image_only(app, client, member, fmt):
    assert upload(client, member, image_bytes(fmt), f"logo.{fmt.lower()}").status_code == 302
    response = client.get(f"/enterprises/{member}/logo")
    assert response.status_code == 200
    assert response.mimetype == "image/webp"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response.headers["Content-Security-Policy"]
    with Image.open(io.BytesIO(response.data)) as served:
        assert served.format == "WEBP" and max(served.size) == 512
    assert f"/enterprises/{member}/logo?v=" in client.get(f"/enterprises/{member}").get_data(as_text=True)


def test_location_and_camera_data_are_removed(app, client, member):
    exif = Image.Exif()
    exif[0x010F] = "Secret Camera Maker"
    exif[0x013B] = "Photographer at 21.03 N 105.85 E"
    upload(client, member, image_bytes("JPEG", exif=exif.tobytes()), "photo.jpg")
    served = client.get(f"/enterprises/{member}/logo").data
    assert b"Secret Camera Maker" not in served and b"Photographer" not in served
    with Image.open(io.BytesIO(served)) as image:
        assert not image.getexif() and "exif" not in image.info and "icc_profile" not in image.info


@pytest.mark.parametrize(
    ("data", "filename"),
    [
        (b"<html><script>alert(document.cookie)</script></html>", "logo.png"),
        (b"GIF89a" + b"\0" * 100, "logo.png"),
        (image_bytes("PNG")[:200], "truncated.png"),
        (b"%PDF-1.7\n", "logo.jpg"),
    ],
)
def test_a_file_that_is_not_really_an_image_is_refused(app, client, member, data, filename):
    response = upload(client, member, data, filename)
    assert response.status_code == 422
    assert "This file is not a PNG, JPEG or WebP image." in response.get_data(as_text=True)
    assert enterprise(app, member).logo is None
    assert client.get(f"/enterprises/{member}/logo").status_code == 404


def test_an_image_over_two_megabytes_is_refused(app, client, member):
    padded = image_bytes("PNG") + b"\0" * (2 * 1024 * 1024)
    response = upload(client, member, padded)
    assert response.status_code == 422
    assert "larger than 2 MB" in response.get_data(as_text=True)
    assert enterprise(app, member).logo is None


def test_an_upload_without_a_file_asks_for_one(client, member):
    response = client.post(f"/enterprises/{member}/logo?lang=en", data={}, content_type="multipart/form-data")
    assert response.status_code == 422 and "Choose an image file." in response.get_data(as_text=True)


def test_only_members_change_the_logo_and_they_can_remove_it(app, client, member, make_enterprise):
    other = make_enterprise()
    assert upload(client, other, image_bytes()).status_code == 403
    upload(client, member, image_bytes())
    assert enterprise(app, member).logo is not None
    client.post(f"/enterprises/{member}/logo/delete")
    assert enterprise(app, member).logo is None
