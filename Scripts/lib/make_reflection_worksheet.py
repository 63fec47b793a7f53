"""Writes Thing 2's reflection worksheet (Courses/sssc-23-things-leadership/files/reflection-worksheet.pdf):
one A4 page in Helvetica, as a plain PDF with no dependencies. Run it again after editing the text."""
import pathlib

LINE = "_" * 78
LINES = [
    ("F2", 18, "Thing 2 reflection worksheet"),
    ("F2", 14, "Where leadership and management meet"),
    ("F1", 11, ""),
    ("F1", 11, "Use this page to plan your reflective statement before you write it in the Thing."),
    ("F1", 11, "Aim for at least 200 words in the finished statement."),
    ("F1", 11, ""),
    ("F2", 13, "1. The situation"),
    ("F1", 11, "Pick a recent piece of work where you helped bring about a good outcome."),
    ("F1", 11, "What happened, who was involved, and what was the outcome?"),
    ("F1", 11, LINE), ("F1", 11, LINE), ("F1", 11, ""),
    ("F2", 13, "2. Managing"),
    ("F1", 11, "Where did you, or others, plan, organise, budget, arrange staff or sort out problems?"),
    ("F1", 11, LINE), ("F1", 11, LINE), ("F1", 11, ""),
    ("F2", 13, "3. Leading"),
    ("F1", 11, "Where did someone set a direction, encourage others, build trust or champion a change?"),
    ("F1", 11, "You do not need a management title to lead: include what you did yourself."),
    ("F1", 11, LINE), ("F1", 11, LINE), ("F1", 11, ""),
    ("F2", 13, "4. Where the two overlapped"),
    ("F1", 11, "Which moments needed both? How did you judge which one the situation called for?"),
    ("F1", 11, LINE), ("F1", 11, LINE), ("F1", 11, ""),
    ("F2", 13, "5. What you would do next time"),
    ("F1", 11, LINE), ("F1", 11, ""),
    ("F1", 9, "Course Toolkit edition of the SSSC 23 Things Leadership programme, shared under CC BY 4.0."),
]


def escape(text):
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def main():
    content, y = ["BT"], 790
    for font, size, text in LINES:
        y -= size + 9 if text else 10
        content.append(f"/{font} {size} Tf 1 0 0 1 56 {y} Tm ({escape(text)}) Tj")
    content.append("ET")
    stream = "\n".join(content).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
        b"<< /Title (Thing 2 reflection worksheet) /Author (Course Toolkit) >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info 7 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    target = pathlib.Path(__file__).resolve().parents[2] / "Courses/sssc-23-things-leadership/files/reflection-worksheet.pdf"
    target.write_bytes(bytes(out))


if __name__ == "__main__":
    main()
