# The municipality name in Arabic script, with the Norwegian name a resident will see on signs.
municipality-name = بلدية ساندفيورد (Sandefjord)
