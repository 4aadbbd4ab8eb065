#!/bin/sh
# Checks one ported function against the legacy behaviour: sh test.sh NAME
name=$1
expected=$(grep "^$name " expected.txt | cut -d' ' -f2)
[ -f "src/$name.sh" ] || { echo "src/$name.sh does not exist" >&2; exit 1; }
actual=$(sh "src/$name.sh" 6 3)
[ "$actual" = "$expected" ] || { echo "$name 6 3: expected $expected, got $actual" >&2; exit 1; }
echo "$name ok"
