#!/bin/sh
# The man page stays true: the options it lists under OPTIONS are exactly the ones
# `cw-inspector --help` lists. Usage: check_manpage.sh BINARY MANPAGE
set -eu
binary=$1
page=$2
help=$(QT_QPA_PLATFORM=offscreen "$binary" --help)
from_help=$(printf '%s\n' "$help" | grep -E '^ +-' | grep -oE -- '--[a-z][a-z-]*' | sort -u)
# The line after each .TP in the OPTIONS section names the option(s): "\-\-no\-live" -> --no-live.
from_page=$(sed -n '/^\.SH OPTIONS/,/^\.SH /p' "$page" | awk 'prev == ".TP" { print } { prev = $0 }' \
    | sed 's/\\-/-/g' | grep -oE -- '--[a-z][a-z-]*' | sort -u)
if [ "$from_help" != "$from_page" ]; then
    echo "The man page's options differ from --help:" >&2
    diff -u /dev/fd/3 /dev/fd/4 3<<EOF3 4<<EOF4 >&2 || true
$from_help
EOF3
$from_page
EOF4
    exit 1
fi
# Every view --help names is described under VIEWS.
for view in $(printf '%s\n' "$help" | tr -s ' ,.:' '\n' | grep -xE 'dashboard|tasks|history|pages|proposals|chat|messages|conversations|table|detail|log|review'); do
    sed -n '/^\.SH VIEWS/,/^\.SH /p' "$page" | grep -qE "^\.B[IR]? ${view}\b" || {
        echo "View $view is in --help but not in the man page" >&2
        exit 1
    }
done
echo "man page and --help agree: $(printf '%s\n' "$from_help" | wc -l) options"
