# The municipality name declined as Lithuanian needs it (genitive).
municipality-name = Haldeno savivaldybė
