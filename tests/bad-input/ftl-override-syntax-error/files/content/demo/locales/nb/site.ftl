nav-home = Til forsiden
portal-tagline = Informasjon { $municipality
nav-plan = Planen vår
