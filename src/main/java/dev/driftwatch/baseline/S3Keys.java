package dev.driftwatch.baseline;

import java.util.List;
import java.util.Optional;

/**
 * Which keys of a bucket an S3 source means, as Terraform's S3 backend lays them out: the default
 * workspace at {@code <key>}, every other at {@code <workspace-key-prefix>/<workspace>/<key>}.
 *
 * @param key        one state's key, or null when {@code prefix} is set
 * @param prefix     every {@code *.tfstate} below this, or null when {@code key} is set
 * @param workspaces workspaces besides default; {@code *} means every one found
 */
record S3Keys(String key, String prefix, List<String> workspaces, String workspaceKeyPrefix) {

    static final String EVERY_WORKSPACE = "*";

    boolean everyWorkspace() {
        return workspaces.contains(EVERY_WORKSPACE);
    }

    /** Where workspaces' states start: {@code env:/}. */
    String workspaceRoot() {
        return workspaceKeyPrefix + "/";
    }

    /** The key (or prefix) of one named workspace. */
    String inWorkspace(String workspace, String keyOrPrefix) {
        return workspaceRoot() + workspace + "/" + keyOrPrefix;
    }

    /** Whether a listed key below the workspace root is one this source means ({@code *} workspaces). */
    boolean wantedWorkspaceKey(String listedKey) {
        String rest = listedKey.substring(workspaceRoot().length());
        int slash = rest.indexOf('/');
        if (slash <= 0) {
            return false;
        }
        String inside = rest.substring(slash + 1);
        return key != null ? inside.equals(key) : inside.startsWith(prefix) && isState(inside);
    }

    static boolean isState(String key) {
        return key.endsWith(".tfstate");
    }

    Optional<String> singleKey() {
        return Optional.ofNullable(key);
    }
}
