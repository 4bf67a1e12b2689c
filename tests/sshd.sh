#!/bin/sh
# The sshd configuration of doc/restricted.md, for real: an sshd on the
# loopback address with exactly the documented lines, an anonymous login
# through ssh in a tmux pane, and what such a user can and cannot do.
set -eu
. tests/lib.sh
. tests/tmuxlib.sh
if ! command -v sshd >/dev/null && [ ! -x /usr/sbin/sshd ] || ! command -v ssh >/dev/null ||
    [ "$(id -u)" != 0 ]; then
	skip "needs sshd, ssh and root (to add the user)"
	finish
	exit 0
fi
user=madoguchi
id "$user" >/dev/null 2>&1 || useradd --create-home --shell /bin/sh "$user"
passwd -d "$user" >/dev/null
chmod o+rx "$(dirname "$BIN")"
port=$((20000 + $$ % 20000))
ssh-keygen -q -t ed25519 -N '' -f "$tmp/host_key"
sed -n '/<!-- sshd_config begins -->/,/<!-- sshd_config ends -->/p' doc/restricted.md |
    grep -v '^<!--\|^```' | sed "s|/usr/local/bin/madoguchi|$BIN|" >"$tmp/documented"
{
	echo "Port $port"
	echo "ListenAddress 127.0.0.1"
	echo "HostKey $tmp/host_key"
	echo "PidFile $tmp/sshd.pid"
	echo "UsePAM no"
	echo "PasswordAuthentication no"
	cat "$tmp/documented"
} >"$tmp/sshd_config"
check "the documented lines are found" grep -q ForceCommand "$tmp/documented"
mkdir -p /run/sshd
check "sshd accepts the configuration" /usr/sbin/sshd -t -f "$tmp/sshd_config"
/usr/sbin/sshd -f "$tmp/sshd_config" -E "$tmp/sshd.log"
trap 'kill "$(cat "$tmp/sshd.pid" 2>/dev/null)" 2>/dev/null; end_servers; rm -rf "$tmp"' EXIT
wait_file "$tmp/sshd.pid"
ssh_opts="-p $port -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR -o BatchMode=no -o PreferredAuthentications=none,password -o PubkeyAuthentication=no"

session "ssh -tt $ssh_opts $user@127.0.0.1; echo SSH-ENDED; sleep 600"
check "an anonymous login gets the browser" wait_for "47/47" 20
tm send-keys -t s -l tokyo
check "which works" wait_for "警視庁  東京都"
limits=$(cat "/proc/$(pgrep -n -u "$user" -x madoguchi)/limits" 2>/dev/null || true)
check "the session's address space is capped (ulimit -v 65536)" sh -c "echo '$limits' | grep -q 'Max address space *67108864'"
tm send-keys -t s C-z
tm send-keys -t s -l " x"
check "^Z does not give a shell" wait_for "> tokyo x"
tm send-keys -t s C-u Escape
check "quitting ends the connection" wait_for SSH-ENDED 10

# A client whose window claims 65535x65535: the session works at 300x800,
# in bounded memory, and does not crash.
result=$(python3 tests/pty_huge.py 65535 65535 --user "$user" ssh -tt $ssh_opts "$user@127.0.0.1" 2>&1 || true)
check "a 65535x65535 client gets the browser ($result)" sh -c "echo '$result' | grep -q '^frame found'"
check "in bounded memory (peak under 40000 kB)" sh -c "[ \$(echo '$result' | awk '{ print \$3 }') -lt 40000 ]"
check "and quits cleanly" sh -c "echo '$result' | grep -q 'exit 0\$'"

set +e
ssh $ssh_opts "$user@127.0.0.1" cat /etc/passwd </dev/null >"$tmp/out" 2>&1
set -e
check "another command is not run" sh -c "! grep -q '^root:' '$tmp/out'"
check "the forced command ran instead (the list, no terminal)" out_has "03-3431-8109"
set +e
ssh $ssh_opts "$user@127.0.0.1" -- --data /etc/shadow -l </dev/null >"$tmp/out" 2>&1
set -e
check "options from the client are ignored" file_lacks "$tmp/out" 'root:'
set +e
ssh $ssh_opts -W "127.0.0.1:$port" "$user@127.0.0.1" </dev/null >"$tmp/out" 2>&1
set -e
check "forwarding is refused" sh -c "! grep -q 'SSH-2.0' '$tmp/out' && grep -q 'forwarding failed\|prohibited' '$tmp/out'"
finish
