"""An article whose text attacks every renderer: HTML and script, quotes, a closing textarea,
rich markup, a terminal escape and a bidi override. The fake extractor reads it into claims."""

HOSTILE = (
    "Title with <b>tags</b> & \"quotes\"\n\n"
    "Thomas Joscelyn said that <script>alert('x')</script> is \"dangerous\" and 'odd' </textarea> here.\n"
    "According to Reuters, the UN report stated that [bold]markup[/] and [/] and [red]x[/red] stay text.\n"
    "Two officials said that \x1b[31mred\x1b[0m and \u202eevil\u202c and a bell\x07 are inert.\n"
    "The weather was <img src=x onerror=alert(1)> fine.\n"
)
