package io.srgrn.api.weights;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Why a file operation failed, without the file's name: the JDK's file-system exceptions carry only
 * the path as their message, so "cannot read X: " + message said "cannot read X: X" (issue 11).
 */
final class IoReasons {
    private IoReasons() {}

    static String of(IOException e) {
        if (e instanceof FileSystemException fse) {
            if (fse.getReason() != null) {
                return fse.getReason();
            }
            if (e instanceof NoSuchFileException) {
                return "no such file or folder";
            }
            if (e instanceof AccessDeniedException) {
                return "permission denied";
            }
            if (e instanceof FileAlreadyExistsException) {
                return "a file of that name already exists";
            }
            if (e instanceof NotDirectoryException) {
                return "not a folder";
            }
            return e.getClass().getSimpleName();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
