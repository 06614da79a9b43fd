package dev.sluice.toolkit.ssh;

import com.jcraft.jsch.UIKeyboardInteractive;
import com.jcraft.jsch.UserInfo;

/**
 * Answers one keyboard-interactive password prompt, once: a rejected password is not tried
 * again. Never accepts a host key.
 */
final class PasswordAnswers implements UserInfo, UIKeyboardInteractive {
    private final String password;
    private boolean answered;

    PasswordAnswers(String password) {
        this.password = password;
    }

    @Override
    public String[] promptKeyboardInteractive(
            String destination, String name, String instruction, String[] prompt, boolean[] echo) {
        if (answered || prompt.length != 1 || echo[0]) {
            return null;
        }
        answered = true;
        return new String[] {password};
    }

    @Override
    public String getPassphrase() {
        return null;
    }

    @Override
    public String getPassword() {
        return password;
    }

    @Override
    public boolean promptPassword(String message) {
        return false;
    }

    @Override
    public boolean promptPassphrase(String message) {
        return false;
    }

    @Override
    public boolean promptYesNo(String message) {
        return false;
    }

    @Override
    public void showMessage(String message) {}
}
