package dev.sluice.toolkit.ssh;

import com.jcraft.jsch.HostKey;
import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.UserInfo;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The host keys a bastion may present, from known_hosts lines, as JSch's host-key repository.
 * Never learns a key: {@link #add} does nothing. Remembers the key the server presented, for
 * the message when it does not match.
 */
final class KnownHostKeys implements HostKeyRepository {

    private final List<Entry> entries;
    private volatile Entry presented;

    private KnownHostKeys(List<Entry> entries) {
        this.entries = entries;
    }

    /**
     * Reads one or more lines in known_hosts form ({@code host ssh-ed25519 AAAA... comment}) or
     * just {@code ssh-ed25519 AAAA...}; the host field, if any, is ignored (the entry applies to
     * the bastion the tunnel connects to). Blank lines and {@code #} comments are skipped.
     *
     * @throws IllegalArgumentException saying what is wrong with the text (it holds no secret)
     */
    static KnownHostKeys parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("no known host entry is configured: add the bastion's host key line,"
                    + " as printed by `ssh-keyscan -p PORT HOST` (and checked with the bastion's administrator)");
        }
        List<Entry> entries = new ArrayList<>();
        for (String line : text.split("\\R")) {
            String trimmed = line.trim();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            if (trimmed.startsWith("@")) {
                throw new IllegalArgumentException("known host entries with markers (" + trimmed.split("\\s+")[0]
                        + ") are not supported: give the bastion's plain host key line");
            }
            entries.add(entry(trimmed));
        }
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("the known host entry holds only comments or blank lines");
        }
        return new KnownHostKeys(List.copyOf(entries));
    }

    private static Entry entry(String line) {
        String[] fields = line.split("\\s+");
        for (int i = 0; i < fields.length - 1; i++) {
            if (isKeyType(fields[i])) {
                byte[] key;
                try {
                    key = Base64.getDecoder().decode(fields[i + 1]);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(
                            "the key after '" + fields[i] + "' in the known host entry is not"
                                    + " base64: copy the whole line from ssh-keyscan or the bastion's /etc/ssh/ssh_host_*.pub");
                }
                if (!fields[i].equals(typeOf(key))) {
                    throw new IllegalArgumentException("the known host entry says '" + fields[i]
                            + "' but holds a key of" + " type '" + typeOf(key) + "': copy the whole line again");
                }
                return new Entry(fields[i], key);
            }
        }
        throw new IllegalArgumentException("a known host entry line has no key type such as ssh-ed25519,"
                + " ecdsa-sha2-nistp256 or ssh-rsa followed by the base64 key: '" + abbreviated(line) + "'");
    }

    private static boolean isKeyType(String field) {
        return field.startsWith("ssh-") || field.startsWith("ecdsa-sha2-") || field.startsWith("sk-");
    }

    /** @return the type named at the start of an SSH public key blob */
    static String typeOf(byte[] blob) {
        if (blob.length < 4) {
            return "?";
        }
        int length = ((blob[0] & 0xff) << 24) | ((blob[1] & 0xff) << 16) | ((blob[2] & 0xff) << 8) | (blob[3] & 0xff);
        if (length < 0 || length > blob.length - 4) {
            return "?";
        }
        return new String(blob, 4, length, StandardCharsets.US_ASCII);
    }

    /** @return {@code SHA256:...}, as ssh-keygen -l prints it */
    static String fingerprint(byte[] blob) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviated(String line) {
        return line.length() <= 60 ? line : line.substring(0, 57) + "...";
    }

    /**
     * @return the host-key algorithms to offer, so that the server presents a key of a known type;
     *     RSA keys only with SHA-2 signatures (not the SHA-1 {@code ssh-rsa} algorithm)
     */
    String algorithms() {
        Set<String> algorithms = new LinkedHashSet<>();
        for (Entry entry : entries) {
            if (entry.type.equals("ssh-rsa")) {
                algorithms.addAll(List.of("rsa-sha2-512", "rsa-sha2-256"));
            } else {
                algorithms.add(entry.type);
            }
        }
        return String.join(",", algorithms);
    }

    /** @return the configured keys, as {@code type SHA256:...} */
    String describeExpected() {
        List<String> keys = new ArrayList<>();
        entries.forEach(entry -> keys.add(entry.type + " " + fingerprint(entry.key)));
        return String.join(", ", keys);
    }

    /** @return the key the server presented, as {@code type SHA256:...}, or null before one was */
    String describePresented() {
        Entry key = presented;
        return key == null ? null : key.type + " " + fingerprint(key.key);
    }

    @Override
    public int check(String host, byte[] key) {
        Entry offered = new Entry(typeOf(key), key.clone());
        presented = offered;
        boolean sameType = false;
        for (Entry entry : entries) {
            if (Arrays.equals(entry.key, key)) {
                return OK;
            }
            sameType |= entry.type.equals(offered.type);
        }
        return sameType ? CHANGED : NOT_INCLUDED;
    }

    @Override
    public void add(HostKey hostkey, UserInfo ui) {
        // never learns keys: only the configured ones are trusted
    }

    @Override
    public void remove(String host, String type) {}

    @Override
    public void remove(String host, String type, byte[] key) {}

    @Override
    public String getKnownHostsRepositoryID() {
        return "configured known host entry";
    }

    @Override
    public HostKey[] getHostKey() {
        return getHostKey(null, null);
    }

    @Override
    public HostKey[] getHostKey(String host, String type) {
        List<HostKey> keys = new ArrayList<>();
        for (Entry entry : entries) {
            if (type == null || type.equals(entry.type)) {
                try {
                    keys.add(new HostKey(host == null ? "bastion" : host, HostKey.GUESS, entry.key));
                } catch (JSchException e) {
                    // a key type JSch does not know: it cannot be negotiated anyway
                }
            }
        }
        return keys.toArray(HostKey[]::new);
    }

    private record Entry(String type, byte[] key) {}
}
