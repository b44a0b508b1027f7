# Sourced after test-lib.sh by the family page's tests (t0208, t0209).

# png FILE W H [TAIL]: a W x H PNG, TAIL appended after its end.
png () {
	python3 -c '
import struct, sys, zlib
w, h = int(sys.argv[2]), int(sys.argv[3])
raw = b"".join(b"\0" + b"".join(bytes((x * 7 % 256, y * 5 % 256, 160))
	for x in range(w)) for y in range(h))
def chunk(t, d):
	return struct.pack(">I", len(d)) + t + d + struct.pack(">I",
		zlib.crc32(t + d) & 0xffffffff)
open(sys.argv[1], "wb").write(b"\x89PNG\r\n\x1a\n" +
	chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)) +
	chunk(b"IDAT", zlib.compress(raw, 0)) + chunk(b"IEND", b"") +
	sys.argv[4].encode())' "$1" "$2" "$3" "${4:-}"
}

# family_portfolio DIR: a learner's first weeks as a parent would open
# them.  Standards with long statements (a first clause, then "such as"
# lists and examples); a goal met, two under way (one behind, with a
# parent), one paused; ratings; two reflections.  Work with attached
# files: a poster (a PNG of 360 kB, too large to embed), a drawing
# (GIF), a bar model (a small PNG), notes (text); and the private work
# "diary", whose photo (secret-photo.png, ending in the bytes
# SECRETBYTES) and notes must never leave the portfolio, nor its title
# "Secret diary".
family_portfolio () {
	fp_dir=$1
	write_script private.sh <<-\EOF &&
	sed -i "0,/^---\$/s//---\nprivate: true/" "$1"
	EOF
	mkdir -p files &&
	png files/bar-model.png 120 80 &&
	png files/secret-photo.png 60 40 SECRETBYTES &&
	png files/poster.png 400 300 &&
	printf 'GIF89a\001\000\001\000\200\000\000\377\377\377\000\000\000!\371\004\001\000\000\000\000,\000\000\000\000\001\000\001\000\000\002\002D\001\000;' \
		>files/drawing.gif &&
	printf 'Quiz: 9/10\n' >files/quiz-notes.txt &&
	printf 'Dear diary, SECRETBYTES\n' >files/diary-notes.txt &&
	pl init --name "Maya Okafor" --grade 6 "$fp_dir" >/dev/null &&
	mkdir "$fp_dir/standards" &&
	cat >"$fp_dir/standards/math.csv" <<-\EOF &&
	code,parent,grade,subject,description
	M.6.RP.1,,6,Math,"Understand the concept of a ratio and use ratio language to describe a ratio relationship between two quantities. For example, ""The ratio of wings to beaks in the bird house at the zoo was 2:1."""
	M.6.NS.1,,6,Math,"Interpret and compute quotients of fractions, and solve word problems involving division of fractions by fractions, e.g., by using visual fraction models and equations to represent the problem."
	M.6.SP.4,,6,Math,"Display numerical data in plots on a number line, including dot plots, histograms, and box plots."
	M.6.SP.5,,6,Math,"Summarize numerical data sets in relation to their context, such as by: reporting the number of observations; describing the nature of the attribute under investigation."
	M.6.EE.1,,6,Math,Write and evaluate numerical expressions involving whole-number exponents.
	EOF
	git -C "$fp_dir" add standards &&
	git -C "$fp_dir" commit -q -m "standards: math" &&
	pl -C "$fp_dir" profile add strength "Mental arithmetic" &&
	pl -C "$fp_dir" profile add interest "Astronomy" &&
	next_day &&
	pl -C "$fp_dir" goal add --id ratios --standard M.6.RP.1 \
		--step "Ratio tables" --step "Explain a ratio" \
		"Understand ratios" >/dev/null &&
	pl -C "$fp_dir" goal add --id fractions --term long \
		--standard M.6.NS.1 "Become confident with fractions" \
		>/dev/null &&
	pl -C "$fp_dir" goal add --id dividing --parent fractions \
		--due 2026-12-04 --standard M.6.NS.1 \
		--step "Divide with a bar model" --step "Word problems" \
		--step "Explain it to a friend" "Divide fractions" >/dev/null &&
	pl -C "$fp_dir" goal add --id data --standard M.6.SP.4 \
		--standard M.6.SP.5 --standard M.6.EE.1 \
		--step "Collect class data" --step "Draw a box plot" \
		"Show data in plots" >/dev/null &&
	pl -C "$fp_dir" goal add --id chess --step "Learn openings" \
		"Chess club" >/dev/null &&
	pl -C "$fp_dir" goal status chess paused >/dev/null &&
	next_day &&
	pl -C "$fp_dir" evidence add --id ratio-poster --kind project \
		--goal ratios --standard M.6.RP.1 --file "$TRASH_DIRECTORY"/files/poster.png \
		--file "$TRASH_DIRECTORY"/files/drawing.gif --date 2026-11-28 \
		-m "A poster of the ratios in a recipe." "Ratio poster" \
		>/dev/null &&
	pl -C "$fp_dir" align rate --by "Ms Rivera <rivera@school.example>" \
		ratio-poster M.6.RP.1 3 >/dev/null &&
	pl -C "$fp_dir" evidence add --id fraction-quiz --kind assessment \
		--goal dividing --standard M.6.NS.1 \
		--file "$TRASH_DIRECTORY"/files/bar-model.png --file "$TRASH_DIRECTORY"/files/quiz-notes.txt \
		--date 2026-11-28 -m "Divided fractions with bar models." \
		"Fractions quiz" >/dev/null &&
	pl -C "$fp_dir" align rate --by "Ms Rivera <rivera@school.example>" \
		fraction-quiz M.6.NS.1 2 >/dev/null &&
	pl -C "$fp_dir" evidence add --id diary --kind artifact \
		--goal ratios --file "$TRASH_DIRECTORY"/files/secret-photo.png \
		--file "$TRASH_DIRECTORY"/files/diary-notes.txt --date 2026-11-28 \
		-m "Private thoughts." \
		"Secret diary" >/dev/null &&
	EDITOR="$TRASH_DIRECTORY/private.sh" \
		pl -C "$fp_dir" evidence edit diary &&
	next_day &&
	pl -C "$fp_dir" goal done ratios 1 >/dev/null &&
	pl -C "$fp_dir" goal done ratios 2 >/dev/null &&
	pl -C "$fp_dir" goal status ratios met >/dev/null &&
	pl -C "$fp_dir" goal done dividing 1 >/dev/null &&
	pl -C "$fp_dir" reflect --goal dividing --evidence fraction-quiz \
		-m "Bar models make dividing fractions easy to see.

I will try word problems next." >/dev/null &&
	pl -C "$fp_dir" reflect --goal ratios -m "The poster took two days." \
		>/dev/null
}

