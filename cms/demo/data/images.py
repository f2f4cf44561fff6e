"""Demo photos: generated gradients with a caption (see ``cms.demo.media``).

key: (title, alt text, top colour, bottom colour)
"""

IMAGES = {
    "bo-y-gate": (
        "Cổng Cửa khẩu quốc tế Bờ Y",
        "Cổng chính Cửa khẩu quốc tế Bờ Y nhìn từ phía Việt Nam",
        (24, 92, 160),
        (12, 40, 80),
    ),
    "indochina-junction": (
        "Cột mốc ngã ba Đông Dương",
        "Cột mốc ba biên giới Việt Nam – Lào – Campuchia trên đỉnh núi",
        (46, 125, 50),
        (17, 60, 30),
    ),
    "mang-den": (
        "Rừng thông Măng Đen",
        "Rừng thông và hồ nước ở Măng Đen, huyện Kon Plông",
        (56, 142, 60),
        (20, 70, 90),
    ),
    "kon-klor": (
        "Nhà rông Kon Klor",
        "Nhà rông Kon Klor mái cao bên bờ sông Đắk Bla",
        (161, 98, 44),
        (70, 40, 20),
    ),
    "dak-bla": (
        "Cầu treo Kon Klor trên sông Đắk Bla",
        "Cầu treo Kon Klor bắc qua sông Đắk Bla lúc hoàng hôn",
        (230, 126, 34),
        (60, 30, 90),
    ),
    "wooden-church": (
        "Nhà thờ gỗ Kon Tum",
        "Mặt tiền nhà thờ gỗ Kon Tum với tháp chuông bằng gỗ",
        (121, 85, 72),
        (40, 25, 20),
    ),
    "gong-festival": (
        "Lễ hội văn hoá cồng chiêng",
        "Nghệ nhân đánh cồng chiêng trong vòng xoang trước nhà rông",
        (198, 40, 40),
        (80, 10, 30),
    ),
    "trade-fair": (
        "Hội chợ thương mại biên giới",
        "Gian hàng nông sản tại hội chợ thương mại biên giới Việt – Lào",
        (255, 160, 0),
        (120, 60, 0),
    ),
    "led-screen": (
        "Màn hình LED tại cửa khẩu",
        "Màn hình LED ba mặt tại cụm thông tin điện tử cửa khẩu",
        (40, 53, 147),
        (10, 10, 40),
    ),
}
