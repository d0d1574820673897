nav-home = Til forsiden
nav-hom = Hjem
