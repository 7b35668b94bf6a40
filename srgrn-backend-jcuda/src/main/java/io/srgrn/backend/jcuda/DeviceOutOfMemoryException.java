package io.srgrn.backend.jcuda;

import io.srgrn.api.SrgrnException;

/**
 * The device had no free block of the requested size, even after the allocator released its cache.
 */
final class DeviceOutOfMemoryException extends SrgrnException {
    DeviceOutOfMemoryException(String message) {
        super(message);
    }
}
