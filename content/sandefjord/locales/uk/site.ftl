# The municipality name in Cyrillic, as Ukrainian writes it: «комуна Сандефьорд». It starts the
# home page heading and the home page introduction, so it is capitalised here.
municipality-name = Комуна Сандефьорд
