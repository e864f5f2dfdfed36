"""Draw the home-screen icons of Alianza (the favicon's red square and white "A").

    .venv/bin/python static/alianza/icons/draw_icons.py

Writes icon-192.png, icon-512.png, icon-maskable-512.png (the letter inside the
safe zone a phone may crop to a circle) and apple-touch-icon.png (180 px) beside
this script. Pillow's bundled font is used, so the result is the same anywhere.
"""

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

RED = (139, 30, 36, 255)
HERE = Path(__file__).resolve().parent


def draw(size: int, *, maskable: bool = False) -> Image.Image:
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    if maskable:
        pen.rectangle((0, 0, size, size), fill=RED)
    else:
        pen.rounded_rectangle((0, 0, size - 1, size - 1), radius=size // 5, fill=RED)
    letter = size * (0.5 if maskable else 0.64)
    font = ImageFont.load_default(size=letter)
    pen.text((size / 2, size / 2), "A", font=font, fill="white", anchor="mm")
    return image


if __name__ == "__main__":
    draw(192).save(HERE / "icon-192.png", optimize=True)
    draw(512).save(HERE / "icon-512.png", optimize=True)
    draw(512, maskable=True).save(HERE / "icon-maskable-512.png", optimize=True)
    draw(180, maskable=True).convert("RGB").save(HERE / "apple-touch-icon.png")
