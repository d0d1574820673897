# Hver tekst gjentar den neste ti ganger: ti milliarder tekster til sammen.
portal-tagline = { nav-label } { nav-label } { nav-label } { nav-label } { nav-label } { nav-label } { nav-label } { nav-label } { nav-label } { nav-label }
nav-label = { nav-home } { nav-home } { nav-home } { nav-home } { nav-home } { nav-home } { nav-home } { nav-home } { nav-home } { nav-home }
nav-home = { nav-plan } { nav-plan } { nav-plan } { nav-plan } { nav-plan } { nav-plan } { nav-plan } { nav-plan } { nav-plan } { nav-plan }
nav-plan = { nav-glossary } { nav-glossary } { nav-glossary } { nav-glossary } { nav-glossary } { nav-glossary } { nav-glossary } { nav-glossary } { nav-glossary } { nav-glossary }
nav-glossary = { language-switcher-label } { language-switcher-label } { language-switcher-label } { language-switcher-label } { language-switcher-label } { language-switcher-label } { language-switcher-label } { language-switcher-label } { language-switcher-label } { language-switcher-label }
language-switcher-label = { footer-label } { footer-label } { footer-label } { footer-label } { footer-label } { footer-label } { footer-label } { footer-label } { footer-label } { footer-label }
footer-label = { footer-accessibility } { footer-accessibility } { footer-accessibility } { footer-accessibility } { footer-accessibility } { footer-accessibility } { footer-accessibility } { footer-accessibility } { footer-accessibility } { footer-accessibility }
footer-accessibility = { footer-made-with } { footer-made-with } { footer-made-with } { footer-made-with } { footer-made-with } { footer-made-with } { footer-made-with } { footer-made-with } { footer-made-with } { footer-made-with }
footer-made-with = { breadcrumb-label } { breadcrumb-label } { breadcrumb-label } { breadcrumb-label } { breadcrumb-label } { breadcrumb-label } { breadcrumb-label } { breadcrumb-label } { breadcrumb-label } { breadcrumb-label }
breadcrumb-label = ha
