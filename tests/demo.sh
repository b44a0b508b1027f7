#!/bin/sh
# The built-in example: makes the portfolio of a fictional learner with pl
# itself (profile, goals with steps, evidence with an attached file, a
# reflection, a goal met), then shows it.  Usage: tests/demo.sh [PL [DIR]]
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
PL=${1:-$top/build/pl}
dir=${2:-$(mktemp -d "${TMPDIR:-/tmp}/pl-demo.XXXXXX")}

# A fresh machine has no git identity; the example brings its own.
: "${GIT_AUTHOR_NAME:=Ms. Rivera}" "${GIT_AUTHOR_EMAIL:=rivera@school.example}"
: "${GIT_COMMITTER_NAME:=$GIT_AUTHOR_NAME}"
: "${GIT_COMMITTER_EMAIL:=$GIT_AUTHOR_EMAIL}"
export GIT_AUTHOR_NAME GIT_AUTHOR_EMAIL GIT_COMMITTER_NAME GIT_COMMITTER_EMAIL

pl() { "$PL" -C "$dir" "$@"; }
run() { printf '\n$ pl %s\n' "$*"; pl "$@"; }

"$PL" init --name "Maya Okafor" --grade 6 "$dir" >/dev/null
pl profile add strength "Mental arithmetic" 
pl profile add strength "Explains her thinking out loud"
pl profile add need "Longer written answers"
pl profile add interest "Astronomy"
pl profile add preference "Drawing a picture of the problem first"

pl goal add --term long --why "Fractions are everywhere in science." \
    "Become confident with fractions" >/dev/null
pl goal add --parent become-confident-with-fractions --due 2026-12-18 \
    --step "Compare fractions with unlike denominators" \
    --step "Add and subtract fractions" \
    --step "Explain equivalent fractions to a friend" \
    "Fractions fluency" >/dev/null
pl goal add --step "Read 3 chapters of a space book" \
    --step "Write a one-page summary" "Read about the solar system" >/dev/null
pl goal done fractions-fluency 1
pl goal done fractions-fluency 2
pl goal step read-about-the-solar-system "Present the summary to the class"

notes="$(mktemp -d "${TMPDIR:-/tmp}/pl-demo-files.XXXXXX")/quiz-notes.txt"
printf 'Quiz: 9/10\nCompared 3/4 and 5/8 by finding a common denominator.\n' \
    >"$notes"
pl evidence add --id fraction-quiz --kind assessment \
    --goal fractions-fluency --file "$notes" \
    -m "I compared fractions by finding common denominators and got 9 of 10." \
    "Fractions quiz" >/dev/null
rm -rf "$(dirname "$notes")"
pl reflect --goal fractions-fluency --evidence fraction-quiz -m \
"## What I learned

Finding a common denominator makes comparing fractions easy.

## What was hard

Remembering to simplify at the end.

## What I will try next

Explain it to my brother with a pizza drawing." >/dev/null
pl goal done fractions-fluency 3
pl goal status fractions-fluency met

echo "An example portfolio, made by pl in $dir"
run profile
run goal list
run goal show fractions-fluency
run evidence list
run reflect list
if command -v git >/dev/null 2>&1; then
	printf '\n$ git log --oneline\n'
	git -C "$dir" log --oneline
fi
