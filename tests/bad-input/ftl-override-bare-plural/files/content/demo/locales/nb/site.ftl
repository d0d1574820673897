services-count = { $count ->
    [one] { $count } tilbud
   *[other] { $count } tilbud
}
