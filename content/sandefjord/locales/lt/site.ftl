# The municipality name declined as Lithuanian needs it (genitive).
municipality-name = Sandefjordo savivaldybė
