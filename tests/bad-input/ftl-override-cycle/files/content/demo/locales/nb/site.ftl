nav-home = { portal-tagline }
portal-tagline = Velkommen til { nav-home }
