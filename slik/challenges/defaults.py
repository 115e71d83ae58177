"""The method's default decision criteria (angles of entry). Norwegian data, editable per
organisation."""

DEFAULT_CRITERIA = [
    ("Letthet", "Hvor lett er det å komme i gang og lykkes med floken?"),
    ("Gevinstpotensial", "Hvor store gevinster kan en løsning gi innbyggere og kommunen?"),
    ("Politisk nødvendighet", "Hvor sterkt etterspør politikerne og samfunnet en løsning?"),
]
